package io.illm.lab.operator.josdk;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JOSDK shell around the {@link Engine}: every event is one turn (observe, decide, act), and
 * the new status goes back through {@link UpdateControl#patchStatus}. JOSDK owns the finalizer
 * ({@link Engine#FINALIZER}); {@link #cleanup} lets it go only when the lifecycle confirmed every
 * child gone (see {@code docs/adrs/ADR-007-cleanup-and-finalizer.md}).
 */
@ControllerConfiguration(name = ExperimentReconciler.NAME, finalizerName = Engine.FINALIZER)
public class ExperimentReconciler implements Reconciler<Experiment>, Cleaner<Experiment> {

  public static final String NAME = "experiment";

  /** While deleting with nothing announced, look again this often (a port may not announce everything). */
  static final Duration CLEANUP_BACKSTOP = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(ExperimentReconciler.class);

  private final Engine engine;

  /** The engine decides which ports it works through: Kubernetes adapters, or simulated ones. */
  public ExperimentReconciler(Engine engine) {
    this.engine = engine;
  }

  @Override
  public List<EventSource<?, Experiment>> prepareEventSources(EventSourceContext<Experiment> context) {
    ChildChangeEventSource children = new ChildChangeEventSource();
    engine.onChange(children::changed);
    return List.of(children);
  }

  @Override
  public UpdateControl<Experiment> reconcile(Experiment experiment, Context<Experiment> context) {
    Outcome outcome = turn(experiment);
    UpdateControl<Experiment> control = UpdateControl.patchStatus(forStatus(experiment, outcome.status()));
    // the backstop for deadlines and windows only: children announce their own changes
    return outcome.lookAgainIn().map(control::rescheduleAfter).orElse(control);
  }

  /**
   * Deletion: the same turn, which the lifecycle turns into Failed (Deleted) and CleaningUp. The
   * finalizer is removed only when the lifecycle decided {@code RemoveFinalizer}, i.e. every child
   * was observed gone through the ports; until then it stays, and deletion is retried.
   */
  @Override
  public DeleteControl cleanup(Experiment experiment, Context<Experiment> context) {
    Outcome outcome = turn(experiment);
    if (outcome.finalizerRemovable()) {
      return DeleteControl.defaultDelete();
    }
    // DeleteControl carries no status: write it here, or the user sees no CleaningUp progress
    context.getClient().resources(Experiment.class)
        .inNamespace(experiment.getMetadata().getNamespace())
        .withName(experiment.getMetadata().getName())
        .editStatus(current -> {
          current.setStatus(outcome.status());
          return current;
        });
    Duration again = outcome.lookAgainIn().filter(d -> d.compareTo(CLEANUP_BACKSTOP) < 0).orElse(CLEANUP_BACKSTOP);
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(again);
  }

  private Outcome turn(Experiment experiment) {
    Outcome outcome = engine.turn(experiment);
    if (!outcome.failures().isEmpty()) {
      LOG.warn("{}/{}: actions failed, deciding again in {}: {}", experiment.getMetadata().getNamespace(),
          experiment.getMetadata().getName(), outcome.lookAgainIn().orElse(null), outcome.failures());
    }
    return outcome;
  }

  /** A fresh object holding only identity and status: the patch says nothing about spec or metadata. */
  private static Experiment forStatus(Experiment experiment, ExperimentStatus status) {
    Experiment fresh = new Experiment();
    fresh.getMetadata().setName(experiment.getMetadata().getName());
    fresh.getMetadata().setNamespace(experiment.getMetadata().getNamespace());
    fresh.setStatus(status);
    return fresh;
  }
}
