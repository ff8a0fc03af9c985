package io.illm.lab.hub.sim;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Simulated metrics: a collection runs for {@link SimTimings#metrics()} and ends with a chosen
 * verdict (Validated unless {@link #verdict set}), or Failed (see {@link #fail}). No number it
 * gives is a measurement: it marks itself simulated.
 */
public final class SimMetrics implements Metrics {

  private final SimClock clock;
  private final SimTimings timings;
  private final SimChanges changes;
  private final SimFaults faults = new SimFaults("metrics");
  private final Map<ExperimentId, Instant> started = new HashMap<>();
  private HypothesisResult verdict = HypothesisResult.VALIDATED;
  private String failure;

  SimMetrics(SimClock clock, SimTimings timings, SimChanges changes) {
    this.clock = clock;
    this.timings = timings;
    this.changes = changes;
  }

  /** The verdict every collection ends with. */
  public synchronized void verdict(HypothesisResult value) {
    verdict = value;
  }

  /** Failure switch: every collection ends Failed with {@code message}. */
  public synchronized void fail(String message) {
    failure = message;
  }

  /** Transient-error switch: the next {@code calls} calls throw. */
  public void failNext(int calls) {
    faults.failNext(calls);
  }

  /** Transient-error switch: the next {@code changes} changes throw; observing still works. */
  public void failNextChanges(int changes) {
    faults.failNextChanges(changes);
  }

  @Override
  public synchronized MetricsObservation observe(ExperimentId experiment) {
    faults.check();
    Instant start = started.get(experiment);
    if (start == null) {
      return MetricsObservation.NOT_STARTED;
    }
    if (clock.instant().isBefore(start.plus(timings.metrics()))) {
      return new MetricsObservation(MetricsState.RUNNING, null, null);
    }
    return failure != null
        ? new MetricsObservation(MetricsState.FAILED, null, failure)
        : new MetricsObservation(MetricsState.DONE, verdict, "simulated metrics");
  }

  @Override
  public synchronized void start(
      ExperimentId experiment, ExperimentSpec spec, CollectMetrics collect) {
    faults.checkChange();
    if (started.putIfAbsent(experiment, clock.instant()) == null) {
      changes.after(timings.metrics(), experiment);
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }
}
