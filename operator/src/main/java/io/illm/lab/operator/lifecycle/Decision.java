package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ExperimentStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one {@link Lifecycle#decide}: the status to write (before acting), the actions to
 * perform, and when to decide again if nothing happens; empty means only on events.
 */
public record Decision(
    ExperimentStatus status, List<Action> actions, Optional<Duration> lookAgainIn) {

  public Decision {
    actions = List.copyOf(actions);
  }
}
