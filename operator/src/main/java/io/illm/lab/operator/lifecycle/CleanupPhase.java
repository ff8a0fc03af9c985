package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Action.AddFinalizer;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.lifecycle.Action.RemoveFinalizer;
import java.time.Duration;

/**
 * Complete and Failed: keep the children for the retention of spec.cleanup (deletion of the
 * experiment cuts it short), delete them, and remove the finalizer only once every cluster claim,
 * cluster secret, tutorial kubeconfig Secret, Application and Workflow is observed gone.
 */
final class CleanupPhase {

  /** After this long deleting, the experiment shows Degraded (CleanupSlow); deletion goes on. */
  static final Duration SLOW = Duration.ofMinutes(15);

  /**
   * How soon to look again while a failed run's results are being stored (its end is announced).
   */
  static final Duration STORE_WAIT = Duration.ofSeconds(30);

  private CleanupPhase() {}

  static void decide(Turn t) {
    if (Steps.CLEANED.equals(t.status.getStep())) {
      removeFinalizer(t);
      return;
    }
    if (t.holdReason() != null) {
      return;
    }
    Leftovers left = Leftovers.of(t);
    if (left.none()) {
      cleaned(t);
      return;
    }
    if (!Steps.CLEANING_UP.equals(t.status.getStep()) && retaining(t)) {
      keepFinalizer(t);
      return;
    }
    t.status.setResourcesCleaned(false);
    left.deletes().forEach(t::act);
    keepFinalizer(t);
    Duration elapsed = t.since(t.status.getStepStartedAt());
    if (elapsed.compareTo(SLOW) >= 0) {
      t.hold(
          Reasons.CLEANUP_SLOW,
          "still deleting after "
              + DurationText.format(elapsed)
              + ": "
              + String.join(", ", left.remaining()));
    }
    t.lookAgainIn(Lifecycle.backoff(elapsed));
  }

  /** True while the retention lasts; when it ends (or on deletion), switches to CleaningUp. */
  private static boolean retaining(Turn t) {
    Duration keep = PhaseDeadlines.retention(t.spec, t.phase() == Phase.COMPLETE);
    Duration elapsed = t.since(t.status.getStepStartedAt());
    if (Steps.RETAINING.equals(t.status.getStep())
        && !t.world.meta().deletionRequested()
        && elapsed.compareTo(keep) < 0) {
      t.lookAgainIn(keep.minus(elapsed));
      return true;
    }
    t.step(Steps.CLEANING_UP);
    t.event(
        EventType.NORMAL, Reasons.CLEANING_UP, "deleting clusters, applications and the workflow");
    return false;
  }

  private static void cleaned(Turn t) {
    t.status.setResourcesCleaned(true);
    TutorialAccess.cleaned(t);
    t.step(Steps.CLEANED);
    if (t.status.getTargets() != null) {
      t.status.getTargets().stream()
          .filter(x -> x != null)
          .forEach(
              x -> {
                x.setPhase("Deleted");
                x.setMessage(null);
              });
    }
    t.event(EventType.NORMAL, Reasons.CLEANED, "every cluster, application and workflow is gone");
    removeFinalizer(t);
  }

  private static void removeFinalizer(Turn t) {
    if (FailedRunResults.storing(t)) {
      // the failed run's results are being stored: the experiment stays until they are
      t.lookAgainIn(STORE_WAIT);
      return;
    }
    if (t.world.meta().finalizerPresent()) {
      t.act(new RemoveFinalizer());
    }
  }

  /** Children remain: a lost finalizer is put back, or deleting the experiment would leak them. */
  private static void keepFinalizer(Turn t) {
    if (!t.world.meta().finalizerPresent() && !t.world.meta().deletionRequested()) {
      t.act(new AddFinalizer());
    }
  }
}
