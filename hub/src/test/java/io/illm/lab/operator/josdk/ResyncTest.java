package io.illm.lab.operator.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.lifecycle.Steps;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Until it is Cleaned, an experiment is decided again at least every RESYNC, announced or not. */
class ResyncTest {

  @Test
  void waitingOnAnnouncementsOnlyStillLooksAgainAfterTheResync() {
    assertEquals(
        Optional.of(ExperimentReconciler.RESYNC), lookAgain(Phase.RUNNING, Steps.WORKLOAD, null));
  }

  @Test
  void aSoonerLookAgainIsKeptAndALaterOneShortened() {
    assertEquals(
        Optional.of(Duration.ofSeconds(30)),
        lookAgain(Phase.RUNNING, Steps.WORKLOAD, Duration.ofSeconds(30)));
    assertEquals(
        Optional.of(ExperimentReconciler.RESYNC),
        lookAgain(Phase.PROVISIONING, null, Duration.ofMinutes(40)));
    assertEquals(
        Optional.of(ExperimentReconciler.RESYNC),
        lookAgain(Phase.COMPLETE, Steps.RETAINING, Duration.ofHours(24)));
  }

  @Test
  void aCleanedExperimentIsLeftAlone() {
    assertEquals(Optional.empty(), lookAgain(Phase.COMPLETE, Steps.CLEANED, null));
    assertEquals(Optional.empty(), lookAgain(Phase.FAILED, Steps.CLEANED, null));
  }

  private static Optional<Duration> lookAgain(Phase phase, String step, Duration again) {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(phase);
    status.setStep(step);
    return ExperimentReconciler.lookAgain(
        new Outcome(status, Optional.ofNullable(again), false, List.of()));
  }
}
