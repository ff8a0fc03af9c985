package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ObserverTest {

  private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

  private final SimWorld world = new SimWorld(SimClock.manual(NOW), SimTimings.INSTANT);
  private final Observer observer = new Observer(world.ports());

  @Test
  void readsTheExperimentsOwnFactsAndHashesItsSpec() {
    Experiment experiment = Testing.twoTargetExperiment("tsdb");
    experiment.getMetadata().setGeneration(3L);
    experiment
        .getMetadata()
        .setFinalizers(List.of("other/finalizer", "experiments.illm.io/finalizer"));
    experiment.getMetadata().setAnnotations(Map.of(Observation.COMPLETE_ANNOTATION, "true"));
    experiment.getMetadata().setDeletionTimestamp("2026-11-27T00:00:00Z");

    Meta meta = observer.observe(experiment, NOW).meta();

    assertEquals(
        new Meta(
            "tsdb",
            3,
            SpecHash.of(experiment.getSpec()),
            true,
            true,
            Map.of(Observation.COMPLETE_ANNOTATION, "true")),
        meta);
  }

  @Test
  void seesOnlyTheExperimentsOwnChildren() {
    world.clusters.create(
        new ExperimentId("lab", "tsdb"),
        new CreateClusterClaim("app", "tsdb-app", new ClusterSpec()));
    world.clusters.create(
        new ExperimentId("other", "tsdb"),
        new CreateClusterClaim("app", "x-app", new ClusterSpec()));

    Observation seen = observer.observe(Testing.twoTargetExperiment("tsdb"), NOW);

    assertEquals(Set.of("tsdb-app"), seen.clusters().keySet());
    assertEquals(ClusterState.READY, seen.cluster("tsdb-app").state());
  }

  @Test
  void everyPortThatDoesNotAnswerIsAnErrorAndTheRestIsStillRead() {
    world.deployments.failNext(1);
    world.metrics.failNext(1);
    world.components.remove("k6");

    Observation seen = observer.observe(Testing.twoTargetExperiment("tsdb"), NOW);

    assertEquals(
        List.of(
            "deployments: simulated transient error (0 more to come)",
            "metrics: simulated transient error (0 more to come)"),
        seen.errors());
    assertEquals(Set.of("k6"), seen.missingComponents());
    assertTrue(seen.applications().isEmpty());
  }

  @Test
  void theCostIsTheEstimateBeforeTheRunAndWhatTheClustersCostSoFarAfter() {
    Experiment experiment = Testing.twoTargetExperiment("tsdb");
    Observation.Cost before = observer.observe(experiment, NOW).cost();
    CostModel.Estimate estimate = CostModel.standard().estimate(experiment.getSpec());

    assertEquals(estimate.estimatedUSD(), before.estimatedUSD());
    assertEquals(0.0, before.spentUSD(), "nothing was created yet");
    assertEquals(estimate.hourlyUSD(), before.hourlyUSD());

    ExperimentStatus status = new ExperimentStatus();
    status.setStartedAt(NOW.toString());
    status.setTargets(
        List.of(new TargetStatus("app", "Ready", "tsdb-app", null, "e2-medium", 1, null, null)));
    experiment.setStatus(status);
    Observation.Cost twoHours = observer.observe(experiment, NOW.plus(Duration.ofHours(2))).cost();

    assertEquals(2 * estimate.hourlyUSD(), twoHours.spentUSD(), 0.005, "to the cent");
  }

  @Test
  void aMachineTypeWithoutAPriceMakesTheCostUnknown() {
    Experiment experiment = Testing.twoTargetExperiment("tsdb");
    experiment.getSpec().getTargets().get(0).getCluster().setMachineType("n9-imaginary-4");

    assertEquals(Observation.Cost.UNKNOWN, observer.observe(experiment, NOW).cost());
  }

  @Test
  void aMissingTemplateIsObserved() {
    world.workflows.removeTemplate("load-test");

    assertTrue(
        observer.observe(Testing.twoTargetExperiment("tsdb"), NOW).workflow().templateMissing());
  }
}
