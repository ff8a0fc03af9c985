package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.perTarget;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Better;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.testing.Testing;
import io.illm.lab.results.Cost;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Summary.TargetInfo;
import io.illm.lab.results.Summary.Window;
import io.illm.lab.results.SummaryJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SummaryAssemblerTest {

  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
  private static final Window WINDOW =
      new Window("2026-11-27T01:00:00Z", "2026-11-27T01:30:00Z", 60, 3);

  private static Experiment experiment() {
    Experiment experiment = new Experiment();
    experiment.getMetadata().setName("tsdb");
    experiment.getMetadata().setNamespace("lab");
    experiment.getMetadata().setUid("0b1c2d3e-aaaa-bbbb-cccc-000000000000");
    experiment.getMetadata().setCreationTimestamp("2026-11-27T00:00:00Z");
    experiment.setSpec(
        Testing.spec(
            List.of("prom", "vm"),
            List.of(Testing.query("mem", true, Better.LOWER)),
            Testing.criterion("mem", ComparisonOperator.LT, 512, "vm")));
    experiment.getSpec().setTitle("TSDBs");
    experiment.getSpec().setTags(List.of("b", "a"));
    experiment
        .getSpec()
        .getTargets()
        .get(1)
        .setCluster(new ClusterSpec(Provider.EKS, true, null, null, "m6i.xlarge", 3, null, null));
    experiment
        .getSpec()
        .getTargets()
        .add(
            new Target(
                "load",
                new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null),
                null,
                null,
                null));
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.COMPLETE);
    status.setSpecHash("sha256:abc");
    status.setStartedAt("2026-11-27T00:00:05Z");
    status.setCompletedAt("2026-11-27T01:45:00Z");
    TargetStatus prom = new TargetStatus();
    prom.setName("prom");
    prom.setClusterName("tsdb-prom");
    prom.setComponents(List.of("Application/tsdb-prom-prometheus"));
    status.setTargets(List.of(prom));
    WorkflowStatus workflow = new WorkflowStatus();
    workflow.setName("tsdb-load");
    workflow.setPhase("Succeeded");
    workflow.setStartedAt("2026-11-27T01:00:00Z");
    workflow.setFinishedAt("2026-11-27T01:30:00Z");
    status.setWorkflowStatus(workflow);
    experiment.setStatus(status);
    return experiment;
  }

  private static Summary assemble() {
    return SummaryAssembler.assemble(
        experiment(),
        List.of(perTarget("mem", null, ok("vm", 100, 110, 105), ok("prom", 400, 420, 410))),
        WINDOW,
        "http://prometheus:9090",
        1,
        new Quality(1.0, 0.5, 1, 3, true),
        new Cost(1.0, 0.5, 0.3, 5.0, new TreeMap<>(Map.of("prom", 0.25, "vm", 0.25)), "t", "n"),
        NOW,
        false,
        "0.1.0");
  }

  @Test
  void describesTheRun() {
    Summary summary = assemble();

    assertEquals(Summary.SCHEMA_VERSION, summary.schemaVersion());
    assertEquals("tsdb", summary.experiment().name());
    assertEquals("sha256:abc", summary.experiment().specHash());
    assertEquals(List.of("a", "b"), summary.experiment().tags());
    assertEquals("claim", summary.experiment().hypothesis());
    assertEquals("Complete", summary.run().phase());
    assertEquals("2026-11-27T00:00:00Z", summary.run().createdAt());
    assertEquals(WINDOW, summary.run().window());
    assertEquals(
        new Summary.WorkflowInfo(
            "tsdb-load", "load", "Succeeded", "2026-11-27T01:00:00Z", "2026-11-27T01:30:00Z"),
        summary.workflow());
    assertEquals(
        new Summary.Provenance("0.1.0", "http://prometheus:9090", "2026-11-27T02:00:00Z", 1),
        summary.provenance());
  }

  @Test
  void targetsCarryTheClusterShapeInEffect() {
    List<TargetInfo> targets = assemble().targets();

    assertEquals(
        List.of(
            new TargetInfo(
                "prom",
                "gke",
                "tsdb-prom",
                "us-central1-a",
                "e2-medium",
                1,
                false,
                List.of("Application/tsdb-prom-prometheus")),
            new TargetInfo("vm", "eks", null, "us-east-1", "m6i.xlarge", 3, true, null),
            new TargetInfo("load", "hub", "hub", null, null, null, null, null)),
        targets);
  }

  @Test
  void judgesTheMetrics() {
    Summary summary = assemble();

    assertEquals(3, summary.metric("mem").sample("vm").stats().n());
    assertEquals("vm", summary.comparisons().get(0).better());
    assertEquals(io.illm.lab.model.HypothesisResult.VALIDATED, summary.verdict().result());
  }

  @Test
  void theSameRunGivesTheSameBytes() {
    byte[] first = SummaryJson.write(assemble());

    assertArrayEquals(first, SummaryJson.write(assemble()));
    Summary back = SummaryJson.read("summary.json", first);
    assertEquals(assemble(), back);
    assertTrue(new String(first, java.nio.charset.StandardCharsets.UTF_8).contains("\"ciLow\""));
  }
}
