package io.illm.lab.operator.lifecycle;

import java.time.Duration;

/**
 * Every non-terminal phase has a deadline, and the whole run has one: a missed deadline ends the
 * run as Failed (cleanup still runs); otherwise the next deadline is when to look again.
 */
final class DeadlineCheck {

  private DeadlineCheck() {}

  /** True when a deadline was missed (and the run is now Failed). */
  static boolean missed(Turn t) {
    PhaseDeadlines d = PhaseDeadlines.of(t.spec);
    if (missed(
        t, d.total(), t.status.getStartedAt(), Reasons.TOTAL_DEADLINE, "the experiment", "total")) {
      return true;
    }
    String step = t.status.getStep();
    return switch (t.phase()) {
      case PROVISIONING ->
          missed(
              t,
              d.provisioning(),
              t.status.getPhaseStartedAt(),
              Reasons.PROVISIONING_DEADLINE,
              "provisioning",
              "provisioning");
      case READY ->
          missed(
              t,
              d.deploying(),
              t.status.getPhaseStartedAt(),
              Reasons.DEPLOYING_DEADLINE,
              "deploying",
              "deploying");
      case RUNNING -> {
        if (Steps.COLLECTING.equals(step) || Steps.STORING.equals(step)) {
          yield missed(
              t,
              d.collecting(),
              t.status.getStepStartedAt(),
              Reasons.COLLECTING_DEADLINE,
              "collecting and storing results",
              "collecting");
        }
        // a manual run's window ending is its normal end, not a failure (see RunningPhase)
        yield !RunningPhase.manual(t)
            && missed(
                t,
                d.running(),
                t.status.getPhaseStartedAt(),
                Reasons.RUNNING_DEADLINE,
                "the run",
                "running");
      }
      default -> false;
    };
  }

  private static boolean missed(
      Turn t, Duration limit, String since, String reason, String what, String field) {
    Duration elapsed = t.since(since);
    if (elapsed.compareTo(limit) >= 0) {
      t.fail(
          reason,
          what
              + " took longer than "
              + DurationText.format(limit)
              + " (spec.deadlines."
              + field
              + "; raise it if that is expected)");
      return true;
    }
    t.lookAgainIn(limit.minus(elapsed));
    return false;
  }
}
