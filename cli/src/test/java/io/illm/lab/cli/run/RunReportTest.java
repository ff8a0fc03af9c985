package io.illm.lab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code ./lab run} adds to the shared progress summary and JSON. */
class RunReportTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void theSummaryGivesReasonMessageCostAndSaysSimulated() {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.FAILED);
    status.setStep("Retaining");
    status.setConditions(
        List.of(
            new ConditionBuilder()
                .withType("Degraded")
                .withStatus("True")
                .withReason("WorkflowFailed")
                .withMessage("the workflow failed")
                .build()));
    status.setCost(new CostEstimate(1.5, null, 0.75, null));

    assertEquals(
        List.of(
            "x: Failed (WorkflowFailed)",
            "  message: the workflow failed",
            "  cost: $1.50 estimated, $0.75/h (simulated time, list prices)",
            "  cleanup: spec.cleanup retains the children; the embedded hub discards them as it"
                + " stops",
            RunReport.SIMULATED),
        RunReport.summary(experiment(status), Optional.empty()));
  }

  @Test
  void aTimeoutIsNoOutcome() {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.PROVISIONING);
    Timeline time =
        new Timeline.Simulated(
            Clock.fixed(T0, ZoneOffset.UTC), T0, Clock.fixed(T0, ZoneOffset.UTC), T0);

    List<String> lines = RunReport.summary(experiment(status), Optional.of("gave up after 1s"));
    JsonNode json = RunReport.json(experiment(status), Optional.of("gave up after 1s"), time);

    assertEquals("x: no outcome: gave up after 1s", lines.get(0));
    assertEquals(RunReport.SIMULATED, lines.get(lines.size() - 1));
    assertTrue(json.path("timedOut").asBoolean());
    assertEquals("gave up after 1s", json.path("timeout").asText());
    assertEquals("Provisioning", json.path("phase").asText());
    assertEquals("Provisioning", json.path("status").path("phase").asText());
    assertTrue(json.path("simulated").asBoolean());
    assertTrue(json.path("context").isNull(), json.toString());
  }

  private static Experiment experiment(ExperimentStatus status) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder().withName("x").withNamespace("experiments").build());
    experiment.setSpec(new ExperimentSpec());
    experiment.setStatus(status);
    return experiment;
  }
}
