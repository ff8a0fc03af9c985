package io.illm.lab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.cli.api.LabOutcome;
import io.illm.lab.cli.api.LabRunner;
import io.illm.lab.cli.api.RunOptions;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 2 x 2 matrix (provider x TSDB) with its comparative hypothesis, on an embedded hub: a verdict
 * per criterion, printed by {@code ./lab results} and shown on the site. The simulated levels
 * derive from the components' requests and limits, so VictoriaMetrics (256-512 MiB, 0.1-0.5 cores)
 * is lighter than Prometheus as deployed here (256 MiB-1 GiB, 0.1-1 core) at the same load.
 */
class TsdbMatrixTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void eachCriterionBetweenTargetsGetsAVerdictThatResultsAndTheSiteShow(
      @TempDir Path results, @TempDir Path site) throws Exception {
    LabOutcome outcome =
        LabRunner.run(TsdbMatrix.build(), RunOptions.defaults().root(ROOT).results(results));

    assertTrue(outcome.complete(), outcome.toString());
    assertEquals(Optional.of(HypothesisResult.VALIDATED), outcome.verdict(), outcome.toString());
    Summary summary = outcome.summary().orElseThrow();
    List<Verdict.Criterion> criteria = summary.verdict().criteria();
    assertEquals(
        List.of(
            "tsdb_peak_memory vm-gke lte 0.8 prom-gke pass",
            "tsdb_peak_memory vm-eks lte 0.8 prom-eks pass",
            "tsdb_cpu vm-gke lt 1.0 prom-gke pass",
            "tsdb_cpu vm-eks lt 1.0 prom-eks pass"),
        criteria.stream().map(TsdbMatrixTest::line).toList());
    assertTrue(criteria.stream().allMatch(c -> c.ciHigh() < 0), "each interval below 0");
    assertEquals(4, summary.comparisons().size(), "only the declared pairs: " + summary);

    String printed = lab("results", "tsdb-matrix", "--dir", results.toString());
    assertTrue(
        printed.matches("(?s).*tsdb_peak_memory  vm-gke  -[0-9.]+ MiB +<= 0.8 x prom-gke  pass .*"),
        printed);
    assertTrue(
        printed.matches("(?s).*tsdb_cpu +vm-eks  -[0-9.]+ cores +< prom-eks +pass .*"), printed);
    assertTrue(printed.contains("\ncomparisons\n"), printed);

    lab("site", results.toString(), "--out", site.toString());
    String page = Files.readString(runPage(site));
    assertTrue(page.contains("<td>&#8804; 0.8 &#215; prom-gke</td>"), page);
    assertTrue(page.contains("<td>&lt; prom-eks</td>"), page);
    assertTrue(page.contains("<td>&#10003; pass</td>") || page.contains("<td>✓ pass</td>"), page);
  }

  private static String line(Verdict.Criterion c) {
    return String.join(
        " ",
        c.metric(),
        c.target(),
        c.operator(),
        String.valueOf(c.factor()),
        c.than(),
        c.outcome().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String lab(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(args);
    assertEquals(0, code, String.join(" ", args) + ": " + err);
    return out.toString();
  }

  /** The run's page: experiments/tsdb-matrix/RUN.html beside the comparison page (index.html). */
  private static Path runPage(Path site) throws IOException {
    try (Stream<Path> files = Files.list(site.resolve("experiments").resolve("tsdb-matrix"))) {
      return files
          .filter(f -> !f.getFileName().toString().equals("index.html"))
          .findFirst()
          .orElseThrow();
    }
  }
}
