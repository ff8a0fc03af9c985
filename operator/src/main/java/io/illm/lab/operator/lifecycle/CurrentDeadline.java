package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The deadline the lifecycle holds the current phase to (the same one {@code DeadlineCheck}
 * enforces), for showing progress: which field of {@code spec.deadlines} and how long is left.
 *
 * @param field the {@code spec.deadlines} field, e.g. {@code provisioning}
 * @param remaining how long until it is missed; zero when it already is
 */
public record CurrentDeadline(String field, Duration remaining) {

  /** The current phase's deadline at {@code now}; empty in Pending and in the terminal phases. */
  public static Optional<CurrentDeadline> of(
      ExperimentSpec spec, ExperimentStatus status, Instant now) {
    if (status == null || status.getPhase() == null) {
      return Optional.empty();
    }
    PhaseDeadlines d = PhaseDeadlines.of(spec);
    String step = status.getStep();
    return switch (status.getPhase()) {
      case PROVISIONING -> left("provisioning", d.provisioning(), status.getPhaseStartedAt(), now);
      case READY -> left("deploying", d.deploying(), status.getPhaseStartedAt(), now);
      case RUNNING ->
          Steps.COLLECTING.equals(step) || Steps.STORING.equals(step)
              ? left("collecting", d.collecting(), status.getStepStartedAt(), now)
              : left("running", d.running(), status.getPhaseStartedAt(), now);
      default -> Optional.empty();
    };
  }

  /**
   * The whole run's deadline ({@code spec.deadlines.total}, default 6h) with its default applied.
   */
  public static Duration total(ExperimentSpec spec) {
    return PhaseDeadlines.of(spec).total();
  }

  private static Optional<CurrentDeadline> left(
      String field, Duration limit, String since, Instant now) {
    return Turn.time(since)
        .map(
            start -> {
              Duration remaining = limit.minus(Duration.between(start, now));
              return new CurrentDeadline(field, remaining.isNegative() ? Duration.ZERO : remaining);
            });
  }
}
