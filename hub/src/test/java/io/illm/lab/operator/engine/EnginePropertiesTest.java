package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.engine.Engine.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The whole engine (observer, lifecycle, actor) against the simulated world with typical timings:
 * whatever fails, whenever the experiment is deleted, however many transient errors a port throws,
 * the run ends with the expected reason and nothing is left behind in the world.
 */
class EnginePropertiesTest {

  private static final long SEED = Long.getLong("lifecycle.seed", 20260101L);
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final int NEVER = 100;

  /** What is switched to fail, and the reason a run ends Failed with ("" for Complete). */
  private static final String[][] FAILURES = {
    {"none", ""},
    {"cluster", "ClusterFailed"},
    {"application", "DeployingDeadlineExceeded"},
    {"workflow", "WorkflowFailed"},
    {"metrics", "MetricsFailed"},
    {"results", "ResultsFailed"},
    {"template", "WorkflowTemplateMissing"},
    {"component", "UnknownComponent"},
  };

  @Test
  void everyRunEndsAsExpectedAndLeavesNothingBehind() {
    Map<String, Integer> outcomes = new TreeMap<>();
    qt().withFixedSeed(SEED)
        .withExamples(150)
        .forAll(
            integers().between(0, FAILURES.length - 1),
            integers().between(0, 4),
            integers().between(0, NEVER),
            integers().between(0, 4))
        .checkAssert(
            (failure, transients, deleteAtTurn, flakyPort) -> {
              String outcome = run(failure, transients, deleteAtTurn, flakyPort);
              outcomes.merge(outcome, 1, Integer::sum);
            });
    System.out.println("engine outcomes over 150 generated runs: " + outcomes);
    assertTrue(outcomes.containsKey("Complete"), outcomes.toString());
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.contains("Deleted")), outcomes.toString());
  }

  private static String run(int failure, int transients, int deleteAtTurn, int flakyPort) {
    SimWorld world = new SimWorld(SimClock.manual(T0), SimTimings.TYPICAL);
    Engine engine = new Engine(world.ports(), world.clock);
    Experiment experiment = Experiments.twoTargets("prop");
    experiment.getMetadata().setGeneration(1L);
    experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
    breakWorld(world, FAILURES[failure][0]);
    boolean deleted = false;
    for (int turn = 0; turn < 3000; turn++) {
      if (turn == deleteAtTurn) {
        experiment.getMetadata().setDeletionTimestamp(world.clock.instant().toString());
        deleted = true;
      }
      if (turn % 7 == 3) {
        flaky(world, flakyPort, transients);
      }
      Outcome outcome = engine.turn(experiment, experiment::setStatus);
      if (deleted
          ? outcome.finalizerRemovable()
          : Boolean.TRUE.equals(outcome.status().getResourcesCleaned())) {
        return check(world, outcome.status(), FAILURES[failure][1], deleted);
      }
      Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
      world.clock.advance(next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
    }
    throw new AssertionError("never ended clean: " + experiment.getStatus());
  }

  private static String check(
      SimWorld world, ExperimentStatus end, String reason, boolean deleted) {
    assertEquals(Map.of(), world.clusters.existing(), "clusters left");
    assertEquals(Map.of(), world.deployments.existing(), "applications left");
    assertEquals(0, world.workflows.existing(), "workflows left");
    assertEquals(Boolean.TRUE, end.getSimulated());
    String failedWith =
        end.getConditions().stream()
            .filter(c -> "Degraded".equals(c.getType()))
            .map(c -> c.getReason())
            .findFirst()
            .orElse("");
    if (!deleted) {
      assertEquals(
          reason.isEmpty() ? Phase.COMPLETE : Phase.FAILED, end.getPhase(), end.toString());
      if (!reason.isEmpty()) {
        assertEquals(reason, failedWith, end.toString());
      }
    }
    return end.getPhase()
        + (end.getPhase() == Phase.FAILED ? " " + failedWith : "")
        + (deleted ? " (deleted)" : "");
  }

  private static void breakWorld(SimWorld world, String what) {
    switch (what) {
      case "cluster" ->
          world.clusters.fail(ExperimentNames.clusterName("prop", "app"), "quota exceeded");
      case "application" ->
          world.deployments.degrade(
              ExperimentNames.applicationName("prop", "app", "prometheus"), "CrashLoop");
      case "workflow" ->
          world.workflows.fail(ExperimentNames.workflowName("prop"), "step k6 failed");
      case "metrics" -> world.metrics.fail("no data");
      case "results" -> world.results.fail("403");
      case "template" -> world.workflows.removeTemplate("load-test");
      case "component" -> world.components.remove("k6");
      default -> {}
    }
  }

  private static void flaky(SimWorld world, int port, int n) {
    switch (port) {
      case 0 -> world.clusters.failNext(n);
      case 1 -> world.deployments.failNextChanges(n);
      case 2 -> world.workflows.failNext(n);
      case 3 -> world.metrics.failNext(n);
      default -> world.results.failNextChanges(n);
    }
  }
}
