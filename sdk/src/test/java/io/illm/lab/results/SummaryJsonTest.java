package io.illm.lab.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

  static Summary example() {
    Series series =
        new Series(
            new TreeMap<>(Map.of("pod", "app-1", "namespace", "hello")),
            List.of(new Point(1_700_000_000, 1.5), new Point(1_700_000_015.5, 2.5)));
    Sample sample =
        new Sample(
            "gke-a",
            "sum(rate(x[5m]))",
            Outcome.OK,
            null,
            List.of(series),
            List.of(2.0),
            new Stats(1, 2.0, 2.0, 2.0, 2.0, null, null, null));
    MetricResult metric =
        new MetricResult(
            "cpu", "range", "cores", "CPU", null, true, "insufficient", "lower", List.of(sample));
    return new Summary(
        Summary.SCHEMA_VERSION,
        true,
        new Summary.ExperimentInfo(
            "hello-app",
            "experiments",
            "u-1",
            "abc",
            "Hello",
            null,
            List.of("demo", "apps"),
            "it works",
            null),
        new Summary.RunInfo(
            "Complete",
            null,
            "2026-11-27T00:00:00Z",
            null,
            "2026-11-27T00:10:00Z",
            new Summary.Window("2026-11-27T00:02:00Z", "2026-11-27T00:07:00Z", 15, 1)),
        List.of(
            new Summary.TargetInfo(
                "gke-a",
                "gke",
                "hello-app-gke-a",
                "us-central1-a",
                "e2-medium",
                1,
                true,
                List.of("Component/hello"))),
        new Summary.WorkflowInfo("hello-app-run", "hello", "Succeeded", null, null),
        List.of(metric),
        List.of(),
        new Verdict(
            HypothesisResult.VALIDATED,
            List.of(
                new Verdict.Criterion(
                    "cpu", "gke-a", "lt", 3, 2.0, Verdict.Outcome.PASS, "2 < 3", null))),
        new Quality(1, 0.5, 1, 3, true),
        new Cost(
            0.05,
            0.01,
            0.03,
            null,
            new TreeMap<>(Map.of("gke-a", 0.01)),
            "gcp 2026-11 (list prices)",
            null),
        new Summary.Provenance("0.1.0", "simulated", "2026-11-27T00:09:00Z", 1));
  }

  @Test
  void writesTheSameBytesAfterARoundTrip() {
    byte[] first = SummaryJson.write(example());
    byte[] second = SummaryJson.write(SummaryJson.read("summary.json", first));
    assertArrayEquals(first, second);
    String text = new String(first, StandardCharsets.UTF_8);
    assertTrue(text.endsWith("}\n"), text);
    assertTrue(text.indexOf("\"schemaVersion\"") < text.indexOf("\"experiment\""), text);
    assertTrue(text.contains("\"tags\" : [ \"apps\", \"demo\" ]"), "tags sorted: " + text);
    assertTrue(text.contains("\"outcome\" : \"pass\""), text);
  }

  @Test
  void refusesANewerSchemaNamingTheFile() {
    String json = "{\"schemaVersion\": 2, \"experiment\": {\"name\": \"x\"}}";
    var e =
        assertThrows(
            SummaryJson.SummaryFormatException.class,
            () -> SummaryJson.read("s3://b/x/summary.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        e.getMessage().startsWith("s3://b/x/summary.json: schemaVersion: 2 is newer"),
        e.getMessage());
  }

  @Test
  void namesTheFieldPathOfAWrongType() {
    String json =
        "{\"schemaVersion\": 1, \"experiment\": {\"name\": \"x\"}, \"metrics\": [{\"name\": \"m\", "
            + "\"samples\": [{\"values\": [\"high\"]}]}]}";
    var e =
        assertThrows(
            SummaryJson.SummaryFormatException.class,
            () -> SummaryJson.read("a.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(
        e.getMessage().startsWith("a.json: metrics[0].samples[0].values[0]: "), e.getMessage());
  }

  @Test
  void refusesJsonThatIsNoSummary() {
    var e =
        assertThrows(
            SummaryJson.SummaryFormatException.class,
            () -> SummaryJson.read("a.json", "{}".getBytes(StandardCharsets.UTF_8)));
    assertEquals(
        "a.json: experiment: missing (not a summary.json written by illm-lab)", e.getMessage());
  }
}
