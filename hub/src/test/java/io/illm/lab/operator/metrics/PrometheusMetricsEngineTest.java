package io.illm.lab.operator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.adapters.prometheus.PrometheusMetrics;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.ports.ExperimentId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The engine with every port simulated but metrics, which are {@link PrometheusMetrics} on a {@link
 * SimPrometheus}: what {@code ./lab run} does. The run reaches Complete with the judge's verdict,
 * and the collection covers the workflow's window, not provisioning.
 */
class PrometheusMetricsEngineTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void aSimulatedRunCollectsOverTheWorkflowWindowAndCompletes() throws Exception {
    SimWorld world = new SimWorld(SimClock.manual(T0), SimTimings.TYPICAL);
    LinkedBlockingQueue<ExperimentId> finished = new LinkedBlockingQueue<>();
    try (SimPrometheus source = new SimPrometheus(11)) {
      PrometheusMetrics metrics =
          PrometheusMetrics.of(
              source.uri(), (spec, results) -> HypothesisResult.INVALIDATED, finished::add);
      Engine engine = new Engine(world.ports(metrics, world.results), world.clock);
      Experiment experiment = Experiments.twoTargets("tsdb");
      experiment.getMetadata().setGeneration(1L);
      experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
      ExperimentId id = new ExperimentId(Experiments.NAMESPACE, "tsdb");

      for (int i = 0; i < 500 && !ended(experiment); i++) {
        Outcome outcome = engine.turn(experiment, experiment::setStatus);
        if (metrics.observe(id).state() == MetricsState.RUNNING) {
          assertEquals(id, finished.poll(20, TimeUnit.SECONDS), "the collection did not finish");
          continue;
        }
        Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
        world.clock.advance(
            next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
      }

      assertEquals(
          Phase.COMPLETE, experiment.getStatus().getPhase(), experiment.getStatus().toString());
      assertEquals(HypothesisResult.INVALIDATED, experiment.getStatus().getHypothesisResult());
      Collected c = metrics.observe(id).collected();
      Instant start = Instant.parse(c.window().start());
      Instant end = Instant.parse(c.window().end());
      assertEquals(SimTimings.TYPICAL.workflowRun(), Duration.between(start, end));
      assertTrue(start.isAfter(T0.plus(SimTimings.TYPICAL.clusterReady())), c.window().toString());
      assertEquals(60, c.window().stepSeconds());
      assertEquals(1.0, c.quality().coverage());
      assertEquals(8, c.metrics().stream().mapToInt(m -> m.samples().size()).sum());
    }
  }

  private static boolean ended(Experiment experiment) {
    return experiment.getStatus() != null
        && (experiment.getStatus().getPhase() == Phase.COMPLETE
            || experiment.getStatus().getPhase() == Phase.FAILED);
  }
}
