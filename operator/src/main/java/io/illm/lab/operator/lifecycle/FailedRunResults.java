package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;

/**
 * A run that failed after collecting something keeps it: its summary is stored once, with phase
 * Failed, the reason, what was collected and whether it was simulated (the status written with the
 * decision says all of that), while cleanup goes on; the finalizer waits for the store.
 */
final class FailedRunResults {

  private FailedRunResults() {}

  static void decide(Turn t) {
    if (t.phase() != Phase.FAILED || t.status.getResultsURL() != null) {
      return;
    }
    Collected collected = t.world.metrics().collected();
    ResultsObservation results = t.world.results();
    switch (results.state()) {
      case NOT_STORED -> {
        if (collected != null && !collected.empty()) {
          t.act(new StoreResults(t.experiment(), collected));
        }
      }
      case STORED -> {
        t.status.setResultsURL(results.url());
        t.event(
            EventType.NORMAL,
            Reasons.RESULTS_STORED,
            "what the failed run collected is stored at " + results.url());
      }
      default -> {} // storing (its end is announced), or failed: nothing more to keep
    }
  }

  /** True while a failed run's results are being stored. */
  static boolean storing(Turn t) {
    return t.phase() == Phase.FAILED
        && t.world.results().state() == Observation.ResultsState.STORING;
  }
}
