package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Budget;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.cost.PriceTable;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.operator.ports.Results;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine alone, driven turn by turn like a local runner, against a simulated world with typical
 * timings.
 */
class EngineTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  private final SimWorld world = new SimWorld(SimClock.manual(T0), SimTimings.TYPICAL);
  private final Engine engine = new Engine(world.ports(), world.clock);

  @Test
  void runsAnExperimentToCompleteAndCleansUp() {
    Experiment experiment = applied("tsdb");

    List<Phase> phases = runUntilCleaned(experiment);

    assertEquals(List.of(Phase.PROVISIONING, Phase.READY, Phase.RUNNING, Phase.COMPLETE), phases);
    ExperimentStatus status = experiment.getStatus();
    assertEquals(Boolean.TRUE, status.getSimulated());
    assertEquals(HypothesisResult.VALIDATED, status.getHypothesisResult());
    assertEquals(SpecHash.of(experiment.getSpec()), status.getSpecHash());
    assertEquals(Map.of(), world.clusters.existing());
    assertEquals(Map.of(), world.deployments.existing());
  }

  @Test
  void aClaimIsProvisioningUntilTheSimulatedClusterIsReady() {
    Experiment experiment = applied("slow");
    turns(experiment, 3);

    assertEquals(
        Map.of(ExperimentNames.clusterName("slow", "app"), ClusterState.PROVISIONING),
        world.clusters.existing());
    assertEquals(Phase.PROVISIONING, experiment.getStatus().getPhase());

    world.clock.advance(SimTimings.TYPICAL.clusterReady());
    turns(experiment, 2);

    assertEquals(
        Map.of(ExperimentNames.clusterName("slow", "app"), ClusterState.READY),
        world.clusters.existing());
  }

  @Test
  void aPortThatDoesNotAnswerHoldsTheRunWithoutCreatingAnything() {
    Experiment experiment = applied("outage");
    turns(experiment, 1);
    world.clusters.failNext(3);

    Outcome held = engine.turn(experiment, experiment::setStatus);

    assertEquals(Map.of(), world.clusters.existing());
    assertTrue(
        held.status().getConditions().stream()
            .anyMatch(c -> "ObservationFailed".equals(c.getReason())),
        held.status().getConditions().toString());
    assertTrue(held.lookAgainIn().isPresent());
  }

  @Test
  void anActionAPortFailsIsReportedAndRetriedSoon() {
    Experiment experiment = applied("flaky");
    turns(experiment, 2);
    world.deployments.failNextChanges(1);
    world.clock.advance(SimTimings.TYPICAL.clusterReady());
    turns(experiment, 1); // registers the ready cluster

    Outcome failing =
        engine.turn(experiment, experiment::setStatus); // creates the Application: refused once

    assertEquals(1, failing.failures().size(), failing.failures().toString());
    assertTrue(
        failing.failures().get(0).contains("deployments: simulated transient error"),
        failing.failures().get(0));
    assertTrue(
        failing.lookAgainIn().orElseThrow().compareTo(Duration.ofSeconds(5)) <= 0,
        failing.toString());
    assertEquals(Map.of(), world.deployments.existing());

    Outcome retried = engine.turn(experiment, experiment::setStatus);

    assertEquals(List.of(), retried.failures());
    assertEquals(1, world.deployments.existing().size());
  }

  @Test
  void anEstimateAboveTheBudgetFailsTheRunBeforeAnythingIsCreated() {
    Experiment experiment = applied("pricey");
    experiment.getSpec().setBudget(new Budget(0.25));

    turns(experiment, 1);
    assertEquals(
        Phase.FAILED, experiment.getStatus().getPhase(), "failed on the first turn, while Pending");
    world.clock.advance(Duration.ofMinutes(10));
    turns(experiment, 3);

    assertEquals(Map.of(), world.clusters.existing(), "no cluster was ever asked for");
    ExperimentStatus status = experiment.getStatus();
    assertEquals(Phase.FAILED, status.getPhase());
    assertEquals(Boolean.TRUE, status.getResourcesCleaned());
    assertTrue(
        status.getMessage().contains("exceeds spec.budget.maxUSD $0.25"), status.getMessage());
    assertEquals(
        CostModel.standard().estimate(experiment.getSpec()).estimatedUSD(),
        status.getCost().getEstimatedUSD());
    assertEquals(0.0, status.getCost().getActualUSD());
  }

  @Test
  void aRunWithinItsBudgetRecordsItsEstimateAndWhatItCost() {
    Experiment experiment = applied("frugal");
    experiment.getSpec().setBudget(new Budget(5.0));

    runUntilCleaned(experiment);

    ExperimentStatus status = experiment.getStatus();
    assertEquals(Phase.COMPLETE, status.getPhase());
    double estimated = status.getCost().getEstimatedUSD();
    double actual = status.getCost().getActualUSD();
    assertTrue(actual > 0 && actual < estimated, actual + " spent of " + estimated + " estimated");
    assertEquals(PriceTable.bundled().name(), status.getCost().getPriceTable());
  }

  @Test
  void aTutorialsKubeconfigSecretIsWrittenAtReadyAndDeletedAtCleanup() {
    Experiment experiment = applied("learn");
    experiment.setSpec(Testing.tutorialSpec());
    String secret = ExperimentNames.tutorialKubeconfigSecretName("learn", "app");
    String claim = ExperimentNames.clusterName("learn", "app");

    runUntil(experiment, Phase.RUNNING);

    assertEquals(Map.of(secret, claim), world.clusters.existingKubeconfigs());
    assertEquals(
        List.of(new KubeconfigSecret("app", secret, "experiments")),
        experiment.getStatus().getTutorial().getKubeconfigSecrets());
    assertEquals(
        List.of(true, true),
        experiment.getStatus().getTutorial().getServices().stream()
            .map(TutorialServiceStatus::getReady)
            .toList());

    runUntilCleaned(experiment);

    assertEquals(Map.of(), world.clusters.existingKubeconfigs());
    assertEquals(null, experiment.getStatus().getTutorial().getKubeconfigSecrets());
  }

  @Test
  void aTutorialDeletedMidRunLeavesNoKubeconfigSecret() {
    Experiment experiment = applied("quit");
    experiment.setSpec(Testing.tutorialSpec());
    runUntil(experiment, Phase.RUNNING);
    assertEquals(1, world.clusters.existingKubeconfigs().size());

    deleteUntilRemovable(experiment);

    assertEquals(Map.of(), world.clusters.existingKubeconfigs());
    assertEquals(Map.of(), world.clusters.existing());
  }

  @Test
  void aKubeconfigSecretIsFoundByNameWhenTheSpecOrTheStatusNoLongerNamesIt() {
    Experiment lostStatus = applied("lost");
    lostStatus.setSpec(Testing.tutorialSpec());
    runUntil(lostStatus, Phase.RUNNING);
    lostStatus.getStatus().getTutorial().setKubeconfigSecrets(null);
    Experiment editedSpec = applied("edited");
    editedSpec.setSpec(Testing.tutorialSpec());
    runUntil(editedSpec, Phase.RUNNING);
    editedSpec.getSpec().setTutorial(null);
    assertEquals(2, world.clusters.existingKubeconfigs().size());

    deleteUntilRemovable(lostStatus);
    deleteUntilRemovable(editedSpec);
    assertEquals(Map.of(), world.clusters.existingKubeconfigs());
  }

  /** Marks the experiment deleted and turns until its finalizer may go (fails if it never may). */
  private void deleteUntilRemovable(Experiment experiment) {
    experiment.getMetadata().setDeletionTimestamp(world.clock.instant().toString());
    boolean removable = false;
    for (int i = 0; i < 200 && !removable; i++) {
      removable = engine.turn(experiment, experiment::setStatus).finalizerRemovable();
      world.clock.advance(Duration.ofMinutes(1));
    }
    assertTrue(removable, "the finalizer never went: " + experiment.getStatus());
  }

  private void runUntil(Experiment experiment, Phase phase) {
    for (int i = 0; i < 200 && !phaseIs(experiment, phase); i++) {
      Outcome outcome = engine.turn(experiment, experiment::setStatus);
      Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
      world.clock.advance(next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
    }
    assertEquals(phase, experiment.getStatus().getPhase(), experiment.getStatus().toString());
  }

  private static boolean phaseIs(Experiment experiment, Phase phase) {
    return experiment.getStatus() != null && experiment.getStatus().getPhase() == phase;
  }

  private Experiment applied(String name) {
    Experiment experiment = Testing.twoTargetExperiment(name);
    experiment.getMetadata().setGeneration(1L);
    experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
    return experiment;
  }

  @Test
  void anExperimentThatGoesIsForgottenByTheMetricsAndResultsPorts() {
    List<String> forgotten = new ArrayList<>();
    Ports sim = world.ports();
    Metrics metrics =
        new Metrics() {
          @Override
          public MetricsObservation observe(ExperimentId id) {
            return sim.metrics().observe(id);
          }

          @Override
          public void start(ExperimentId id, ExperimentSpec spec, CollectMetrics collect) {
            sim.metrics().start(id, spec, collect);
          }

          @Override
          public void forget(ExperimentId id) {
            forgotten.add("metrics " + id);
          }
        };
    Results results =
        new Results() {
          @Override
          public ResultsObservation observe(ExperimentId id) {
            return sim.results().observe(id);
          }

          @Override
          public void store(
              ExperimentId id, ExperimentSpec spec, ExperimentStatus status, StoreResults store) {
            sim.results().store(id, spec, status, store);
          }

          @Override
          public void forget(ExperimentId id) {
            forgotten.add("results " + id);
          }
        };
    Engine forgetful = new Engine(world.ports(metrics, results), world.clock);
    Experiment experiment = applied("tsdb");
    experiment.getMetadata().setDeletionTimestamp(T0.toString());
    boolean removable = false;
    for (int i = 0; i < 200 && !removable; i++) {
      Outcome outcome = forgetful.turn(experiment, experiment::setStatus);
      removable = outcome.finalizerRemovable();
      assertEquals(
          removable ? 2 : 0,
          forgotten.size(),
          "forgotten before the finalizer may go: " + forgotten);
      world.clock.advance(Duration.ofMinutes(1));
    }
    assertTrue(removable, "the finalizer never became removable: " + experiment.getStatus());
    assertEquals(List.of("metrics lab/tsdb", "results lab/tsdb"), forgotten);
  }

  private void turns(Experiment experiment, int n) {
    for (int i = 0; i < n; i++) {
      engine.turn(experiment, experiment::setStatus);
    }
  }

  /**
   * Turns like a shell would: after each, time moves on to the next look (at most a minute:
   * children move too).
   */
  private List<Phase> runUntilCleaned(Experiment experiment) {
    List<Phase> phases = new ArrayList<>();
    for (int i = 0; i < 500 && !Boolean.TRUE.equals(cleaned(experiment)); i++) {
      Outcome outcome = engine.turn(experiment, experiment::setStatus);
      Phase phase = outcome.status().getPhase();
      if (phases.isEmpty() || phases.get(phases.size() - 1) != phase) {
        phases.add(phase);
      }
      Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
      world.clock.advance(next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
    }
    assertEquals(Boolean.TRUE, cleaned(experiment), "not cleaned up: " + experiment.getStatus());
    return phases;
  }

  private static Boolean cleaned(Experiment experiment) {
    return experiment.getStatus() == null ? null : experiment.getStatus().getResourcesCleaned();
  }
}
