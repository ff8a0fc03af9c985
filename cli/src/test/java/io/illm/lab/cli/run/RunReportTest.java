package io.illm.lab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RunReportTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void aProgressLineHasTimesPhaseStepTargetsAndTheDeadline() {
    ExperimentStatus status = provisioning();
    String line =
        RunReport.line(
            new ExperimentSpec(),
            status,
            Duration.ofMillis(1500),
            Duration.ofMinutes(4),
            T0.plus(Duration.ofMinutes(4)));
    assertEquals(
        "[   1.5s | sim    4m00s] Provisioning / Claiming  targets: app=Provisioning db=Pending"
            + "  deadline: 26m00s left (spec.deadlines.provisioning)",
        line);
  }

  @Test
  void onlyAChangeOfStateMakesANewLine() {
    ExperimentStatus a = provisioning();
    ExperimentStatus b = provisioning();
    b.setStepStartedAt(T0.plusSeconds(5).toString()); // a timestamp alone is no change worth a line
    assertEquals(RunReport.key(a), RunReport.key(b));
    b.getTargets().get(1).setPhase("Provisioning");
    assertNotEquals(RunReport.key(a), RunReport.key(b));
  }

  @Test
  void theSummaryGivesReasonMessageCostAndSaysSimulated() {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.FAILED);
    status.setConditions(
        List.of(
            new ConditionBuilder()
                .withType("Degraded")
                .withStatus("True")
                .withReason("WorkflowFailed")
                .withMessage("the workflow failed")
                .build()));
    status.setCost(new CostEstimate(1.5, null, 0.75, null));
    List<String> lines = RunReport.summary(experiment(), status, Optional.empty());
    assertEquals(
        List.of(
            "x: Failed (WorkflowFailed)",
            "  message: the workflow failed",
            "  cost: $1.50 estimated, $0.75/h (simulated time, list prices)",
            RunReport.SIMULATED),
        lines);
  }

  @Test
  void aTimeoutIsNoOutcome() {
    List<String> lines =
        RunReport.summary(experiment(), provisioning(), Optional.of("gave up after 1s"));
    assertEquals("x: no outcome: gave up after 1s", lines.get(0));
    assertTrue(
        RunReport.json(experiment(), provisioning(), Optional.of("gave up"))
            .path("timedOut")
            .asBoolean());
  }

  private static Experiment experiment() {
    Experiment experiment = new Experiment();
    experiment.setMetadata(new ObjectMetaBuilder().withName("x").build());
    return experiment;
  }

  private static ExperimentStatus provisioning() {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.PROVISIONING);
    status.setStep("Claiming");
    status.setPhaseStartedAt(T0.toString());
    status.setStepStartedAt(T0.toString());
    TargetStatus app = new TargetStatus();
    app.setName("app");
    app.setPhase("Provisioning");
    TargetStatus db = new TargetStatus();
    db.setName("db");
    db.setPhase("Pending");
    status.setTargets(List.of(app, db));
    return status;
  }
}
