package io.illm.lab.hub.sim;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Results;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A simulated results store: storing takes {@link SimTimings#results()}, then the results are at
 * {@code sim://results/<namespace>/<name>/summary.json} (or Failed, see {@link #fail}).
 */
public final class SimResults implements Results {

  private final SimClock clock;
  private final SimTimings timings;
  private final SimChanges changes;
  private final SimFaults faults = new SimFaults("results");
  private final Map<ExperimentId, Instant> stores = new HashMap<>();
  private final Map<ExperimentId, ExperimentStatus> stored = new HashMap<>();
  private final Map<ExperimentId, Collected> collections = new HashMap<>();
  private String failure;

  SimResults(SimClock clock, SimTimings timings, SimChanges changes) {
    this.clock = clock;
    this.timings = timings;
    this.changes = changes;
  }

  /** Failure switch: every store ends Failed with {@code message}. */
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

  /** What was collected, as the results of {@code experiment} were stored with it, or null. */
  public synchronized Collected collected(ExperimentId experiment) {
    return collections.get(experiment);
  }

  /** The status the results of {@code experiment} were stored from, or null. */
  public synchronized ExperimentStatus stored(ExperimentId experiment) {
    return stored.get(experiment);
  }

  @Override
  public synchronized ResultsObservation observe(ExperimentId experiment) {
    faults.check();
    Instant start = stores.get(experiment);
    if (start == null) {
      return ResultsObservation.NOT_STORED;
    }
    if (clock.instant().isBefore(start.plus(timings.results()))) {
      return new ResultsObservation(ResultsState.STORING, null, null);
    }
    return failure != null
        ? new ResultsObservation(ResultsState.FAILED, null, failure)
        : new ResultsObservation(
            ResultsState.STORED,
            "sim://results/" + experiment.namespace() + "/" + experiment.name() + "/summary.json",
            null);
  }

  @Override
  public synchronized void store(
      ExperimentId experiment, ExperimentSpec spec, ExperimentStatus status, StoreResults action) {
    faults.checkChange();
    if (stores.putIfAbsent(experiment, clock.instant()) == null) {
      stored.put(experiment, status);
      collections.put(experiment, action.collected());
      changes.after(timings.results(), experiment);
    }
  }

  @Override
  public boolean simulated() {
    return true;
  }
}
