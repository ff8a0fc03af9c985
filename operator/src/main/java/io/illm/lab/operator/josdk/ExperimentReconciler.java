package io.illm.lab.operator.josdk;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.lifecycle.Steps;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JOSDK shell around the {@link Engine}: every event is one turn (observe, decide, patch the
 * status, act: write-ahead), the patch's result cached by JOSDK for the next turn. JOSDK owns the
 * finalizer ({@link Engine#FINALIZER}); {@link #cleanup} lets it go only when the lifecycle
 * confirmed every child gone (see {@code docs/adrs/ADR-007-cleanup-and-finalizer.md}).
 */
@ControllerConfiguration(name = ExperimentReconciler.NAME, finalizerName = Engine.FINALIZER)
public class ExperimentReconciler implements Reconciler<Experiment>, Cleaner<Experiment> {

  public static final String NAME = "experiment";

  /**
   * While deleting with nothing announced, look again this often (a port may not announce
   * everything).
   */
  static final Duration CLEANUP_BACKSTOP = Duration.ofMinutes(1);

  /**
   * An experiment not yet Cleaned is decided again at least this often, announced or not: turns are
   * idempotent, so a lost announcement costs minutes, not the phase's deadline (ADR-006).
   */
  static final Duration RESYNC = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentReconciler.class);

  private final Engine engine;

  /** The engine decides which ports it works through: Kubernetes adapters, or simulated ones. */
  public ExperimentReconciler(Engine engine) {
    this.engine = engine;
  }

  @Override
  public List<EventSource<?, Experiment>> prepareEventSources(
      EventSourceContext<Experiment> context) {
    ChildChangeEventSource children = new ChildChangeEventSource();
    engine.onChange(children::changed);
    return List.of(children);
  }

  @Override
  public UpdateControl<Experiment> reconcile(Experiment experiment, Context<Experiment> context) {
    Outcome outcome = turn(experiment, context);
    UpdateControl<Experiment> control = UpdateControl.noUpdate();
    // children announce their own changes: rescheduling is the backstop for deadlines and windows,
    // and RESYNC for announcements lost on the way
    return lookAgain(outcome).map(control::rescheduleAfter).orElse(control);
  }

  /** The outcome's look-again, at most {@link #RESYNC} until the experiment is Cleaned. */
  static Optional<Duration> lookAgain(Outcome outcome) {
    if (Steps.CLEANED.equals(outcome.status().getStep())) {
      return outcome.lookAgainIn();
    }
    return Optional.of(outcome.lookAgainIn().filter(d -> d.compareTo(RESYNC) < 0).orElse(RESYNC));
  }

  /**
   * Deletion: the same turn, which the lifecycle turns into Failed (Deleted) and CleaningUp. The
   * finalizer is removed only when the lifecycle decided {@code RemoveFinalizer}, i.e. every child
   * was observed gone through the ports; until then it stays, and deletion is retried.
   */
  @Override
  public DeleteControl cleanup(Experiment experiment, Context<Experiment> context) {
    Outcome outcome = turn(experiment, context);
    if (outcome.finalizerRemovable()) {
      return DeleteControl.defaultDelete();
    }
    Duration again =
        outcome
            .lookAgainIn()
            .filter(d -> d.compareTo(CLEANUP_BACKSTOP) < 0)
            .orElse(CLEANUP_BACKSTOP);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(again);
  }

  /** One turn; its status is patched before its actions are performed (write-ahead). */
  private Outcome turn(Experiment experiment, Context<Experiment> context) {
    Outcome outcome = engine.turn(experiment, status -> writeStatus(experiment, context, status));
    if (!outcome.failures().isEmpty()) {
      LOG.warn(
          "{}/{}: actions failed, deciding again in {}: {}",
          experiment.getMetadata().getNamespace(),
          experiment.getMetadata().getName(),
          outcome.lookAgainIn().orElse(null),
          outcome.failures());
    }
    return outcome;
  }

  /**
   * Patches the status (JSON patch of the status subresource), unless it is unchanged, and puts the
   * result into JOSDK's cache, so that the next turn reads this status and not the one before it,
   * even when a child's event arrives before the informer saw the patch (ADR-006).
   */
  private static void writeStatus(
      Experiment experiment, Context<Experiment> context, ExperimentStatus status) {
    if (status.equals(experiment.getStatus())) {
      return; // nothing to write ahead: the status is already what this turn decided
    }
    PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
        experiment,
        context,
        current -> {
          current.setStatus(status);
          return current;
        });
  }
}
