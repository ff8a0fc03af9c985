package io.illm.lab.hub.sim;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary.Window;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
  private final Map<ExperimentId, Collected> collections = new HashMap<>();
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
    Collected collected = collections.get(experiment);
    return failure != null
        ? new MetricsObservation(MetricsState.FAILED, null, failure, collected)
        : new MetricsObservation(MetricsState.DONE, verdict, "simulated metrics", collected);
  }

  @Override
  public synchronized void start(
      ExperimentId experiment, ExperimentSpec spec, CollectMetrics collect) {
    faults.checkChange();
    if (started.putIfAbsent(experiment, clock.instant()) == null) {
      collections.put(experiment, collected(spec, collect));
      changes.after(timings.metrics(), experiment);
    }
  }

  /** Forgets the collection of {@code experiment}, which is being deleted. */
  @Override
  public synchronized void forget(ExperimentId experiment) {
    started.remove(experiment);
    collections.remove(experiment);
  }

  /** One simulated value per metric of the spec (one sample per target where asked). */
  private Collected collected(ExperimentSpec spec, CollectMetrics collect) {
    List<MetricResult> metrics = new ArrayList<>();
    List<MetricQuery> queries =
        spec.getMetrics() == null || spec.getMetrics().getQueries() == null
            ? List.of()
            : spec.getMetrics().getQueries();
    for (MetricQuery query : queries) {
      Sample sample =
          new Sample(null, query.getQuery(), Outcome.OK, null, List.of(), List.of(1.0), null);
      metrics.add(
          new MetricResult(
              query.getName(),
              "instant",
              null,
              null,
              null,
              false,
              "insufficient",
              null,
              List.of(sample)));
    }
    Window window =
        new Window(collect.windowStart().toString(), collect.windowEnd().toString(), 60, 1);
    return new Collected(
        metrics,
        window,
        "simulated",
        new Quality(1, 0, 1, 1, true),
        verdict,
        true,
        clock.instant(),
        0,
        new TreeMap<>());
  }

  @Override
  public boolean simulated() {
    return true;
  }
}
