package io.illm.lab.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.adapters.s3.S3ResultsStore;
import io.illm.lab.operator.adapters.s3.S3Server;
import io.illm.lab.operator.adapters.s3.S3Settings;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ResultsCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path root;

  @Test
  void labListsResultsAsOneOfItsCommands() {
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("--help");
    assertEquals(0, code);
    assertTrue(out.toString().contains("results"), out.toString());
  }

  @Test
  void theLatestRunOfAnExperimentIsPrintedFromTheDefaultFolder() {
    RunFiles latest = store("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    store("tsdb", "0a0a0a0a-1", "2026-11-26T00:01:00Z");

    assertEquals(0, run("tsdb", "--root", root.toString()), err.toString());
    String location =
        root.resolve(".lab/results/experiments/tsdb/20261127T000100Z-6f1c2d3e").toUri().toString();
    assertEquals(
        """
        experiment  tsdb (namespace experiments)
        run         20261127T000100Z-6f1c2d3e
        location    %s
        phase       Complete: done
        simulated   yes: these numbers are not measurements
        verdict     insufficient
        window      2026-11-27T00:02:00Z to 2026-11-27T00:07:00Z, 3 repetitions

        metrics
          metric  target        mean  CI              n  unit   note
          cpu     prom          2     95%% [1.9, 2.1]  3  cores
          cpu     vm            1.25  -               1  cores
          errors  (experiment)  -     -               -  -      query failed: bad_data: parse error

        criteria
          metric  target   value  check  outcome  reason
          cpu     vm       1.25   < 1.5  pass     1.25 < 1.5
          errors  (every)  -      = 0    missing  query failed: bad_data

        cost: estimated $0.05, actual $0.0123, budget $1, prom $0.006, vm $0.0063 (price table gcp 2026-11 (list))
        """
            .formatted(location),
        out.toString());
    assertEquals("20261127T000100Z-6f1c2d3e", latest.key().run());
  }

  @Test
  void jsonIsTheSummaryAsStored() {
    RunFiles run = store("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    assertEquals(0, run("tsdb", "--root", root.toString(), "--output", "json"));
    assertEquals(new String(run.summary(), StandardCharsets.UTF_8), out.toString());
  }

  @Test
  void allListsTheRunsOldestFirst() throws Exception {
    store("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    store("tsdb", "0a0a0a0a-1", "2026-11-26T00:01:00Z");
    assertEquals(
        0,
        run("tsdb", "--dir", root.resolve(".lab/results").toString(), "--all", "--output", "json"));
    JsonNode list = LabYaml.json().readTree(out.toString());
    assertEquals(2, list.size());
    assertEquals("20261126T000100Z-0a0a0a0a", list.get(0).path("run").asText());
    assertEquals("insufficient", list.get(1).path("verdict").asText());
    assertTrue(list.get(1).path("simulated").asBoolean());
  }

  @Test
  void aChosenRunIsShownAndAnUnknownOneListsTheRuns() {
    store("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    store("tsdb", "0a0a0a0a-1", "2026-11-26T00:01:00Z");
    assertEquals(0, run("tsdb", "--root", root.toString(), "--run", "20261126T000100Z-0a0a0a0a"));
    assertTrue(out.toString().contains("run         20261126T000100Z-0a0a0a0a\n"), out.toString());

    assertEquals(2, run("tsdb", "--root", root.toString(), "--run", "20250101T000000Z-x"));
    assertEquals(
        "results: no run 20250101T000000Z-x of tsdb in "
            + root.resolve(".lab/results")
            + " (runs: 20261126T000100Z-0a0a0a0a, 20261127T000100Z-6f1c2d3e; --all lists them)\n",
        err.toString());
  }

  @Test
  void anExperimentWithoutRunsSaysWhereItLookedAndWhatWritesThere() {
    store("other", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    assertEquals(2, run("tsdb", "--root", root.toString()));
    assertEquals(
        "results: no runs of tsdb in "
            + root.resolve(".lab/results")
            + " (experiments there: other);"
            + " ./lab run tsdb writes its results there, --dir or --s3 read elsewhere\n",
        err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aSummaryFileOrRunFolderIsReadDirectly() {
    RunFiles run = store("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    Path folder = root.resolve(".lab/results/experiments/tsdb/20261127T000100Z-6f1c2d3e");
    assertEquals(0, run(folder.resolve("summary.json").toString(), "--output", "json"));
    assertEquals(new String(run.summary(), StandardCharsets.UTF_8), out.toString());
    assertEquals(0, run(folder.toString()));
    assertTrue(out.toString().contains("run         20261127T000100Z-6f1c2d3e\n"), out.toString());
  }

  @Test
  void aFileThatIsNoSummaryNamesThePathAndTheField() throws Exception {
    Path file = root.resolve("summary.json");
    Files.writeString(
        file,
        "{\"schemaVersion\": 1, \"experiment\": {\"name\": \"x\"}, \"simulated\": \"maybe\"}");
    assertEquals(2, run(file.toString()));
    assertTrue(err.toString().startsWith("results: " + file + ": simulated: "), err.toString());
  }

  @Test
  void aMissingPathIsInvalidInputWithTheFix() {
    assertEquals(2, run(root.resolve("nope/summary.json").toString()));
    assertEquals(
        "results: "
            + root.resolve("nope/summary.json")
            + ": no such file or run folder (give a summary.json, a run folder, or an experiment's name)\n",
        err.toString());
  }

  @Test
  void malformedS3OptionsAreAllReported() {
    assertEquals(2, run("tsdb", "--s3", "bucket/x", "--endpoint", "localhost:8333"));
    assertTrue(
        err.toString()
            .contains("results: environment: ILLM_RESULTS_S3: \"bucket/x\" is not an s3://"),
        err.toString());
    assertTrue(
        err.toString().contains("ILLM_RESULTS_S3_ENDPOINT: \"localhost:8333\" is not an http(s)"),
        err.toString());
  }

  @Test
  void runsAreReadFromS3WithCredentialsFromTheEnvironment() throws Exception {
    try (S3Server server = new S3Server();
        S3ResultsStore s3 = S3ResultsStore.open(server.settings("lab"))) {
      RunFiles stored = ResultsCommandFixtures.files("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
      s3.put(stored);
      Map<String, String> env =
          Map.of(
              S3Settings.ACCESS_KEY_ID,
              S3Server.KEY_ID,
              S3Settings.SECRET_ACCESS_KEY,
              S3Server.KEY);
      String endpoint = server.settings("lab").endpoint().toString();

      assertEquals(
          0,
          run(
              env,
              "tsdb",
              "--s3",
              "s3://" + S3Server.BUCKET + "/lab",
              "--endpoint",
              endpoint,
              "--all"),
          err.toString());
      assertEquals(
          "experiment tsdb: 1 run in s3://experiment-results/lab\n\n"
              + "run                        phase     simulated  verdict       location\n"
              + "20261127T000100Z-6f1c2d3e  Complete  yes        insufficient"
              + "  s3://experiment-results/lab/experiments/tsdb/20261127T000100Z-6f1c2d3e/\n",
          out.toString());
    }
  }

  private RunFiles store(String experiment, String uid, String startedAt) {
    RunFiles run = ResultsCommandFixtures.files(experiment, uid, startedAt);
    new FolderResultsStore(root.resolve(".lab/results")).put(run);
    return run;
  }

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    CommandLine cli = new CommandLine(new ResultsCommand(env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
