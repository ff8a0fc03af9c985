package io.illm.lab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.operator.metrics.RealPrometheus;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab run --prometheus URL}: the same run on the embedded hub, its metrics from a real
 * Prometheus (Debian's binary) scraping a gauge the test controls (42), judged against a criterion.
 */
class RunWithPrometheusTest {

  private static RealPrometheus prometheus;

  @BeforeAll
  static void start() throws Exception {
    prometheus = RealPrometheus.start(3);
  }

  @AfterAll
  static void stop() throws Exception {
    prometheus.close();
  }

  /**
   * Typical timings 300x faster: the simulated window lies half an hour ahead of real time, so this
   * passes only when the window is mapped back to the real seconds the workflow took.
   */
  @Test
  void aRunJudgesWhatARealPrometheusAnswers(@TempDir Path dir) throws Exception {
    Path file = gaugeExperiment(dir);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute(
                "run",
                file.toString(),
                "--prometheus",
                prometheus.uri().toString(),
                "--results",
                dir.resolve("results").toString(),
                "--no-site",
                "--output",
                "json",
                "--root",
                LabCheckout.ROOT.toString());

    assertEquals(0, exit, err.toString() + out);
    JsonNode run = LabYaml.json().readTree(out.toString());
    assertEquals("validated", run.path("verdict").asText(), out.toString());
    JsonNode stored = LabYaml.json().readTree(storedSummary(dir.resolve("results")).toFile());
    assertEquals(
        prometheus.uri().toString(),
        stored.at("/provenance/metricsSource").asText(),
        stored.toString());
    assertEquals(42.0, stored.at("/metrics/0/samples/0/values/0").asDouble(), stored.toString());
    // the clusters were still simulated: the summary says so even though the numbers are real
    assertTrue(stored.path("simulated").asBoolean(), stored.toString());
  }

  /** hello-app, with one metric the real Prometheus has: the exporter's gauge of target "app". */
  private static Path gaugeExperiment(Path dir) throws Exception {
    ObjectNode experiment =
        (ObjectNode)
            LabYaml.readTrustedTree(
                Files.readString(
                    LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml")));
    ObjectNode spec = (ObjectNode) experiment.get("spec");
    spec.set(
        "metrics",
        LabYaml.json()
            .readTree(
                "{\"queries\": [{\"name\": \"gauge\", \"query\": \"lab_gauge{target=\\\"app\\\"}\", \"unit\": \"items\"}]}"));
    spec.set(
        "hypothesis",
        LabYaml.json()
            .readTree(
                "{\"claim\": \"the gauge stays under 50\", \"successCriteria\": [{\"metric\": \"gauge\", \"operator\": \"lt\","
                    + " \"value\": 50}]}"));
    Path file = dir.resolve("gauge.yaml");
    Files.writeString(file, LabYaml.write(experiment));
    return file;
  }

  /** The one summary.json under {@code results}. */
  private static Path storedSummary(Path results) throws Exception {
    try (var files = Files.walk(results)) {
      return files
          .filter(f -> f.getFileName().toString().equals("summary.json"))
          .findFirst()
          .orElseThrow();
    }
  }
}
