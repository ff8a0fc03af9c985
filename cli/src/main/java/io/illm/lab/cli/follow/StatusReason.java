package io.illm.lab.cli.follow;

import io.fabric8.kubernetes.api.model.Condition;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.util.Optional;

/**
 * Why an experiment is where it is, in the words its status gives: the reason of the condition that
 * explains the phase (Degraded when Failed, else Ready) and the status message. What {@code ./lab
 * run} and {@code ./lab submit} print through {@link Progress}.
 */
public final class StatusReason {

  private StatusReason() {}

  /** The reason of the condition that explains the phase: Degraded when Failed, else Ready. */
  public static Optional<String> reason(ExperimentStatus status) {
    return explaining(status).map(Condition::getReason).filter(r -> !r.isBlank());
  }

  /** The status message, else the explaining condition's message. */
  public static Optional<String> message(ExperimentStatus status) {
    if (status == null) {
      return Optional.empty();
    }
    if (status.getMessage() != null && !status.getMessage().isBlank()) {
      return Optional.of(status.getMessage());
    }
    return explaining(status).map(Condition::getMessage).filter(m -> m != null && !m.isBlank());
  }

  private static Optional<Condition> explaining(ExperimentStatus status) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    String type = status.getPhase() == Phase.FAILED ? "Degraded" : "Ready";
    return status.getConditions().stream()
        .filter(c -> type.equals(c.getType()) && c.getReason() != null)
        .findFirst();
  }
}
