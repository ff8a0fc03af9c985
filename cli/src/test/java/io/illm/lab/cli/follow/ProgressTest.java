package io.illm.lab.cli.follow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.illm.lab.model.CostEstimate;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.operator.testing.Testing;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code ./lab run} and {@code ./lab submit} print, at fixed instants (default deadlines:
 * provisioning 30m).
 */
class ProgressTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void beforeTheOperatorAnswersTheLineSaysItIsWaiting() {
    assertEquals(
        "[elapsed 1m5s] Pending: waiting for the operator to pick it up",
        Progress.line(experiment(null), at(T0.plusSeconds(65))));
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
        Progress.line(e, at(T0.plusSeconds(62))));
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
        Progress.line(e, at(T0.plusSeconds(10))));
    assertEquals(
        List.of("tsdb: Failed (ClusterFailed)", "  message: app: quota"),
        Progress.summary(e, false));
    assertTrue(Progress.terminal(e));
  }

  @Test
  void aClusterClockBehindOursNeverShowsNegativeTime() {
    assertEquals(
        "[elapsed 0s] Pending: waiting for the operator to pick it up",
        Progress.line(experiment(null), at(T0.minusSeconds(30))));
  }

  @Test
  void onTheEmbeddedHubALineShowsRealAndSimulatedTimeAndTheSimulatedDeadline() {
    Experiment e = experiment(status(Phase.PROVISIONING));
    e.getStatus().setStep("Claiming");
    Timeline hub =
        new Timeline.Simulated(
            Clock.fixed(T0.plusMillis(1500), ZoneOffset.UTC),
            T0,
            Clock.fixed(T0.plus(Duration.ofMinutes(4)), ZoneOffset.UTC),
            T0);

    assertEquals(
        "[   1.5s | sim       4m] Provisioning / Claiming  targets: app=Provisioning load=?"
            + "  deadline: 26m left (spec.deadlines.provisioning)",
        Progress.line(e, hub));
    assertEquals(240, Progress.json(e, null, hub).path("elapsedSeconds").asLong());
  }

  @Test
  void theSummaryGivesReasonMessageVerdictResultsAndCost() {
    Experiment e = experiment(status(Phase.COMPLETE));
    e.getStatus().setHypothesisResult(HypothesisResult.VALIDATED);
    e.getStatus().setResultsURL("s3://lab/tsdb/summary.json");
    e.getStatus().setCost(new CostEstimate(1.5, null, 0.75, null));
    e.getStatus()
        .setConditions(
            new ArrayList<>(
                List.of(
                    new ConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("Succeeded")
                        .build())));

    assertEquals(
        List.of(
            "tsdb: Complete (Succeeded)",
            "  verdict: hypothesis validated",
            "  results: s3://lab/tsdb/summary.json",
            "  cost: $1.50 estimated, $0.75/h (list prices)"),
        Progress.summary(e, false));
    assertEquals(
        List.of(
            "tsdb: Complete (Succeeded)",
            "  verdict: hypothesis validated (on simulated metrics)",
            "  results: s3://lab/tsdb/summary.json",
            "  cost: $1.50 estimated, $0.75/h (simulated time, list prices)"),
        Progress.summary(e, true));
  }

  @Test
  void anExperimentGivenUpOnHasNoOutcomeButWhatIsKnown() {
    Experiment e = experiment(status(Phase.PROVISIONING));
    e.getStatus().setMessage("waiting for app");

    assertEquals(
        List.of("tsdb: no outcome: gave up after 1s", "  message: waiting for app"),
        Progress.noOutcome(e, "gave up after 1s", true));
  }

  @Test
  void durationsAreWrittenAsTheSpecWritesThemInWholeSeconds() {
    assertEquals("1h2m3s", Progress.duration(Duration.ofSeconds(3723).plusMillis(900)));
    assertEquals("0s", Progress.duration(Duration.ofSeconds(-5)));
  }

  @Test
  void jsonHasEveryKeyEvenWhenUnknown() {
    JsonNode pending = Progress.json(experiment(null), "hub", at(T0.plusSeconds(3)));
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
            "resourcesCleaned",
            "tutorial"),
        keys);
    assertEquals("Pending", pending.path("phase").asText());
    assertEquals(3, pending.path("elapsedSeconds").asLong());
    assertTrue(pending.path("deadline").isNull());
    assertFalse(pending.path("terminal").asBoolean());

    Experiment done = experiment(status(Phase.COMPLETE));
    done.getStatus().setHypothesisResult(HypothesisResult.VALIDATED);
    JsonNode complete = Progress.json(done, "hub", at(T0));
    assertEquals("validated", complete.path("verdict").asText());
    assertTrue(complete.path("terminal").asBoolean());
    assertEquals("load", complete.path("targets").get(1).path("name").asText());
  }

  @Test
  void jsonCarriesTheDeadline() {
    JsonNode line =
        Progress.json(experiment(status(Phase.PROVISIONING)), "hub", at(T0.plusSeconds(60)));
    assertEquals("spec.deadlines.provisioning", line.path("deadline").path("field").asText());
    assertEquals(29 * 60, line.path("deadline").path("remainingSeconds").asLong());
  }

  private static Timeline at(Instant now) {
    return new Timeline.Server(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static Experiment experiment(ExperimentStatus status) {
    Experiment e = Testing.twoTargetExperiment("tsdb");
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
