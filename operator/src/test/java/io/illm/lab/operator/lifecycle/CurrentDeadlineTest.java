package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CurrentDeadlineTest {

  private static final Instant T0 = Testing.T0;

  @Test
  void eachPhaseIsHeldToItsOwnDeadlineFromWhenItStarted() {
    ExperimentSpec spec = Testing.twoTargetSpec();
    spec.setDeadlines(new Deadlines("10m", "5m", "1h", "4m", "3h"));
    Instant now = T0.plus(Duration.ofMinutes(3));

    assertEquals(
        Optional.of(new CurrentDeadline("provisioning", Duration.ofMinutes(7))),
        CurrentDeadline.of(spec, status(Phase.PROVISIONING, null), now));
    assertEquals(
        Optional.of(new CurrentDeadline("deploying", Duration.ofMinutes(2))),
        CurrentDeadline.of(spec, status(Phase.READY, null), now));
    assertEquals(
        Optional.of(new CurrentDeadline("running", Duration.ofMinutes(57))),
        CurrentDeadline.of(spec, status(Phase.RUNNING, "Workload"), now));
    assertEquals(
        Optional.of(new CurrentDeadline("collecting", Duration.ofMinutes(2))),
        CurrentDeadline.of(spec, status(Phase.RUNNING, Steps.COLLECTING), now),
        "from when the step started");
    assertEquals(
        Optional.of(new CurrentDeadline("provisioning", Duration.ZERO)),
        CurrentDeadline.of(spec, status(Phase.PROVISIONING, null), T0.plus(Duration.ofHours(2))),
        "missed reads as nothing left");
    assertEquals(Duration.ofHours(3), CurrentDeadline.total(spec));
  }

  @Test
  void pendingAndTheEndsHaveNone() {
    ExperimentSpec spec = Testing.twoTargetSpec();
    assertEquals(Optional.empty(), CurrentDeadline.of(spec, status(Phase.PENDING, null), T0));
    assertEquals(Optional.empty(), CurrentDeadline.of(spec, status(Phase.COMPLETE, null), T0));
    assertEquals(Optional.empty(), CurrentDeadline.of(spec, new ExperimentStatus(), T0));
    assertEquals(Duration.ofHours(6), CurrentDeadline.total(new ExperimentSpec()), "the default");
  }

  private static ExperimentStatus status(Phase phase, String step) {
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(phase);
    status.setStep(step);
    status.setPhaseStartedAt(T0.toString());
    status.setStepStartedAt(T0.plus(Duration.ofMinutes(1)).toString());
    return status;
  }
}
