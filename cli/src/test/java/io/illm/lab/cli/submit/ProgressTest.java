package io.illm.lab.cli.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.engine.Experiments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code ./lab submit} prints, at fixed instants (default deadlines: provisioning 30m). */
class ProgressTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void beforeTheOperatorAnswersTheLineSaysItIsWaiting() {
    assertEquals(
        "[elapsed 1m5s] Pending: waiting for the operator to pick it up",
        Progress.line(experiment(null), T0.plusSeconds(65)));
  }

  @Test
  void aLineShowsPhaseStepTargetsWorkflowAndTheTimeLeft() {
    Experiment e = experiment(status(Phase.PROVISIONING));
    e.getStatus().setStep("Waiting");
    e.getStatus().setWorkflowStatus(new WorkflowStatus());
    e.getStatus().getWorkflowStatus().setPhase("Pending");

    assertEquals(
        "[elapsed 1m2s] Provisioning / Waiting  targets: app=Provisioning load=?  workflow: Pending"
            + "  deadline: 28m58s left (spec.deadlines.provisioning)",
        Progress.line(e, T0.plusSeconds(62)));
  }

  @Test
  void aTerminalLineShowsTheReasonAndNoDeadline() {
    Experiment e = experiment(status(Phase.FAILED));
    e.getStatus()
        .setConditions(
            new ArrayList<>(
                List.of(
                    new ConditionBuilder()
                        .withType("Degraded")
                        .withStatus("True")
                        .withReason("ClusterFailed")
                        .withMessage("app: quota")
                        .build())));

    assertEquals(
        "[elapsed 10s] Failed  targets: app=Provisioning load=?  reason: ClusterFailed",
        Progress.line(e, T0.plusSeconds(10)));
    assertEquals(
        List.of("tsdb: Failed (ClusterFailed)", "  message: app: quota"), Progress.summary(e));
    assertTrue(Progress.terminal(e));
  }

  @Test
  void aClusterClockBehindOursNeverShowsNegativeTime() {
    assertEquals(
        "[elapsed 0s] Pending: waiting for the operator to pick it up",
        Progress.line(experiment(null), T0.minusSeconds(30)));
  }

  @Test
  void theKeyChangesWithWhatIsShownOnly() {
    Experiment e = experiment(status(Phase.RUNNING));
    String before = Progress.key(e);
    e.getStatus().setObservedGeneration(7L);
    e.getStatus().setPhaseStartedAt(T0.plusSeconds(5).toString());
    assertEquals(before, Progress.key(e));
    e.getStatus().setStep("Collecting");
    assertNotEquals(before, Progress.key(e));
  }

  @Test
  void jsonHasEveryKeyEvenWhenUnknown() {
    JsonNode pending = Progress.json(experiment(null), "hub", T0.plusSeconds(3));
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = pending.fieldNames(); names.hasNext(); ) {
      keys.add(names.next());
    }
    assertEquals(
        List.of(
            "experiment",
            "namespace",
            "context",
            "uid",
            "phase",
            "step",
            "targets",
            "workflow",
            "elapsedSeconds",
            "deadline",
            "terminal",
            "reason",
            "message",
            "verdict",
            "resultsURL",
            "resourcesCleaned"),
        keys);
    assertEquals("Pending", pending.path("phase").asText());
    assertEquals(3, pending.path("elapsedSeconds").asLong());
    assertTrue(pending.path("deadline").isNull());
    assertFalse(pending.path("terminal").asBoolean());

    Experiment done = experiment(status(Phase.COMPLETE));
    done.getStatus().setHypothesisResult(HypothesisResult.VALIDATED);
    JsonNode complete = Progress.json(done, "hub", T0);
    assertEquals("validated", complete.path("verdict").asText());
    assertTrue(complete.path("terminal").asBoolean());
    assertEquals("load", complete.path("targets").get(1).path("name").asText());
  }

  @Test
  void jsonCarriesTheDeadline() {
    JsonNode line =
        Progress.json(experiment(status(Phase.PROVISIONING)), "hub", T0.plusSeconds(60));
    assertEquals("spec.deadlines.provisioning", line.path("deadline").path("field").asText());
    assertEquals(29 * 60, line.path("deadline").path("remainingSeconds").asLong());
  }

  private static Experiment experiment(ExperimentStatus status) {
    Experiment e = Experiments.twoTargets("tsdb");
    e.getMetadata().setCreationTimestamp(T0.toString());
    e.setStatus(status);
    return e;
  }

  private static ExperimentStatus status(Phase phase) {
    ExperimentStatus s = new ExperimentStatus();
    s.setPhase(phase);
    s.setPhaseStartedAt(T0.toString());
    s.setTargets(new ArrayList<>(List.of(target("app", "Provisioning"), target("load", null))));
    return s;
  }

  private static TargetStatus target(String name, String phase) {
    TargetStatus t = new TargetStatus();
    t.setName(name);
    t.setPhase(phase);
    return t;
  }
}
