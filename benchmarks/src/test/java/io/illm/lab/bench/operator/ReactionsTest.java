package io.illm.lab.bench.operator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import org.junit.jupiter.api.Test;

class ReactionsTest {

  @Test
  void everyStimulusWaitsForTheNextStatusChangeOfItsExperiment() {
    Reactions reactions = new Reactions();
    reactions.status("a", status(Phase.PROVISIONING, null), 10);
    reactions.stimulus("a", 100);
    reactions.stimulus("a", 150);
    reactions.stimulus("b", 120);

    reactions.status("a", status(Phase.READY, null), 200);

    assertArrayEquals(new long[] {50, 100}, reactions.sortedDelays());
    assertEquals(1, reactions.unanswered(), "b's stimulus is not a's");
  }

  @Test
  void theSameStatusAgainIsNoChangeAndALaterStimulusIsNotMatchedBackwards() {
    Reactions reactions = new Reactions();
    reactions.status("a", status(Phase.RUNNING, "Workload"), 10);
    reactions.stimulus("a", 100);
    reactions.status("a", status(Phase.RUNNING, "Workload"), 200);
    assertArrayEquals(new long[0], reactions.sortedDelays());

    reactions.stimulus("a", 400);
    reactions.status(
        "a", status(Phase.RUNNING, "Collecting"), 300); // seen before the stimulus was sent

    assertArrayEquals(new long[] {200}, reactions.sortedDelays());
    assertEquals(1, reactions.unanswered());
    assertEquals(2, reactions.changes());
  }

  @Test
  void aStimulusRegisteredAfterItsChangeWasSeenIsMatchedWithThatChange() {
    Reactions reactions = new Reactions();
    reactions.status("a", status(Phase.RUNNING, "Workload"), 10);
    // the write began at 100; the operator reacted and the watch saw it at 130; the write returned
    // and the stimulus was registered after that
    reactions.status("a", status(Phase.RUNNING, "Collecting"), 130);
    reactions.status("a", status(Phase.RUNNING, "Storing"), 900);
    reactions.stimulus("a", 100);

    assertArrayEquals(new long[] {30}, reactions.sortedDelays());
    assertEquals(0, reactions.unanswered());
  }

  @Test
  void quantilesAreNearestRank() {
    long[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertEquals(5, Reactions.quantile(values, 0.5));
    assertEquals(10, Reactions.quantile(values, 0.99));
    assertEquals(1, Reactions.quantile(values, 0.0));
    assertEquals(-1, Reactions.quantile(new long[0], 0.5));
  }

  private static ExperimentStatus status(Phase phase, String step) {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(phase);
    status.setStep(step);
    return status;
  }
}
