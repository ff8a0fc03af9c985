package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Target;
import io.illm.lab.operator.lifecycle.Action.AddFinalizer;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.rules.ComponentRefs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The experiment lifecycle as a pure function: Pending → Provisioning → Ready → Running → Complete
 * | Failed, then retention and cleanup. See {@code docs/lifecycle.md}.
 */
public final class Lifecycle {

  static final Duration MIN_BACKOFF = Duration.ofSeconds(5);
  static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
  static final Duration FINALIZER_WAIT = Duration.ofSeconds(10);

  private Lifecycle() {}

  /**
   * Decides what to do next. Pure and total: no I/O, no clock, no exceptions; the same inputs give
   * the same decision, and the input status is never modified.
   *
   * <p>The caller must write {@link Decision#status()} before performing {@link Decision#actions()}
   * (write-ahead: a crash between the two then repeats idempotent actions instead of losing them),
   * and decide again on any event or after {@link Decision#lookAgainIn()}.
   *
   * @param spec the experiment's current spec
   * @param status the status as last written (null for a new experiment)
   * @param world what the ports observed just now
   * @param now the time of the decision; every deadline is measured against it
   * @return the new status (a fresh object), the actions, and when to decide again at the latest
   */
  public static Decision decide(
      ExperimentSpec spec, ExperimentStatus status, Observation world, Instant now) {
    try {
      Turn t = new Turn(spec, StatusCopy.of(status), world, now);
      run(t);
      Conditions.summarize(t);
      return t.decision();
    } catch (RuntimeException e) {
      return internalError(status, e);
    }
  }

  private static void run(Turn t) {
    t.status.setObservedGeneration(t.world.meta().generation());
    if (t.status.getPhase() == null) {
      t.status.setPhase(Phase.PENDING);
    }
    if (t.status.getStartedAt() == null || Turn.time(t.status.getStartedAt()).isEmpty()) {
      t.status.setStartedAt(t.now.toString());
    }
    if (Turn.time(t.status.getPhaseStartedAt()).isEmpty()) {
      t.status.setPhaseStartedAt(t.now.toString());
    }
    BudgetCheck.record(t);
    if (!t.terminal()) {
      active(t);
    }
    if (t.terminal()) {
      if (!t.world.errors().isEmpty()) {
        hold(t);
      } else {
        FailedRunResults.decide(t);
      }
      CleanupPhase.decide(t);
    }
  }

  /** The non-terminal phases: first everything that ends a run, then the phase's own step. */
  private static void active(Turn t) {
    if (stopped(t) || DeadlineCheck.missed(t)) {
      return;
    }
    if (!t.world.meta().finalizerPresent()) {
      t.act(new AddFinalizer());
      t.lookAgainIn(FINALIZER_WAIT);
      return;
    }
    if (!t.world.errors().isEmpty()) {
      hold(t);
      return;
    }
    switch (t.phase()) {
      case PENDING -> PendingPhase.decide(t);
      case PROVISIONING -> ProvisioningPhase.decide(t);
      case READY -> ReadyPhase.decide(t);
      default -> RunningPhase.decide(t);
    }
  }

  /** Ends the run when it must not go on: deletion, an invalid or edited spec, what cannot heal. */
  private static boolean stopped(Turn t) {
    if (t.world.meta().deletionRequested()) {
      t.fail(Reasons.DELETED, "the experiment was deleted during " + Conditions.where(t));
      return true;
    }
    List<String> problems =
        specAccepted(t) ? List.of() : SpecCheck.problems(t.experiment(), t.spec);
    if (!problems.isEmpty()) {
      t.fail(Reasons.INVALID_SPEC, String.join("; ", problems));
      return true;
    }
    if (specEdited(t)) {
      return true;
    }
    Set<String> missing = missingComponents(t);
    if (!missing.isEmpty()) {
      t.fail(
          Reasons.UNKNOWN_COMPONENT,
          "no Component named "
              + String.join(", ", missing)
              + " (add it to the catalogue or fix spec.targets[].components)");
      return true;
    }
    if (BudgetCheck.exceeded(t)) {
      return true;
    }
    if (t.phase() != Phase.RUNNING && t.world.workflow().templateMissing()) {
      t.fail(
          Reasons.TEMPLATE_MISSING,
          "WorkflowTemplate "
              + t.spec.getWorkflow().getTemplate()
              + " does not exist (apply it, or fix spec.workflow.template)");
      return true;
    }
    return false;
  }

  /**
   * The spec is the one Pending accepted: its hash, recorded only after the spec passed {@link
   * SpecCheck}, is the current spec's. The rules need not run again at every turn of the run.
   */
  private static boolean specAccepted(Turn t) {
    String recorded = t.status.getSpecHash();
    return t.phase() != Phase.PENDING
        && recorded != null
        && recorded.equals(t.world.meta().specHash());
  }

  /**
   * A run never switches specs midway: before anything exists (Pending) an edit is simply adopted;
   * later it ends the run as Failed (SpecChanged), because results must describe the spec that
   * produced them and a half-applied spec describes nothing.
   */
  private static boolean specEdited(Turn t) {
    String recorded = t.status.getSpecHash();
    String current = t.world.meta().specHash();
    if (t.phase() == Phase.PENDING || recorded == null || recorded.equals(current)) {
      return false;
    }
    t.fail(
        Reasons.SPEC_CHANGED,
        "the spec was edited during "
            + Conditions.where(t)
            + "; a run never switches specs midway: recreate the experiment to run the new spec");
    return true;
  }

  private static Set<String> missingComponents(Turn t) {
    Set<String> missing = new TreeSet<>();
    for (Target target : t.spec.getTargets()) {
      for (ComponentRef ref : Layers.all(t.experiment(), target)) {
        String name = ComponentRefs.name(ref);
        if (t.world.missingComponents().contains(name)) {
          missing.add(name);
        }
      }
    }
    return missing;
  }

  /** The observation is incomplete: conclude nothing from absence, try again with a backoff. */
  private static void hold(Turn t) {
    Duration since =
        Conditions.find(t.status, Conditions.DEGRADED)
            .filter(
                c ->
                    "True".equals(c.getStatus())
                        && Reasons.OBSERVATION_FAILED.equals(c.getReason()))
            .map(c -> t.since(c.getLastTransitionTime()))
            .orElse(Duration.ZERO);
    t.hold(Reasons.OBSERVATION_FAILED, String.join("; ", t.world.errors()));
    t.lookAgainIn(backoff(since));
  }

  /** Exponential without a counter: the wait grows with the time already spent waiting. */
  static Duration backoff(Duration waited) {
    if (waited.compareTo(MIN_BACKOFF) < 0) {
      return MIN_BACKOFF;
    }
    return waited.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : waited;
  }

  private static Decision internalError(ExperimentStatus status, RuntimeException e) {
    ExperimentStatus unchanged;
    try {
      unchanged = StatusCopy.of(status);
    } catch (RuntimeException copyFailed) {
      unchanged = new ExperimentStatus();
    }
    String message = "the lifecycle could not decide (" + e + "); the status is unchanged";
    return new Decision(
        unchanged,
        List.of(new EmitEvent(EventType.WARNING, Reasons.INTERNAL_ERROR, message)),
        Optional.of(MAX_BACKOFF));
  }
}
