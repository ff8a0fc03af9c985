package io.illm.lab.cli.follow;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.model.Experiment;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One experiment's changes as the API server pushes them, in order, like {@code kubectl get -w}: a
 * fabric8 informer on that one name (list, then watch). The informer does what a bare watch cannot:
 * when the watch closes or breaks it watches again from the last resourceVersion, and when that
 * version is too old (HTTP 410 Gone) it lists again and carries on, so no change is lost to a
 * reconnect. Nothing is polled.
 */
final class ExperimentWatch implements AutoCloseable {

  /** What happened to the experiment. */
  sealed interface Change {}

  /**
   * It was created or changed; {@code experiment} is its new state (the first one is the state at
   * start).
   */
  record Updated(Experiment experiment) implements Change {}

  /** It was deleted; {@code experiment} is its last known state. */
  record Deleted(Experiment experiment) implements Change {}

  /** The informer stopped for good (the API server went away and did not come back). */
  record Lost(String reason) implements Change {}

  private final BlockingQueue<Change> changes = new LinkedBlockingQueue<>();
  private final SharedIndexInformer<Experiment> informer;
  private volatile boolean closing;

  /**
   * Starts watching {@code namespace/name}; returns once the first list is in, so its state is the
   * first change. Throws the client's exception when the API server cannot be listed.
   */
  ExperimentWatch(KubernetesClient client, String namespace, String name) {
    informer =
        client
            .resources(Experiment.class)
            .inNamespace(namespace)
            .withName(name)
            .inform(new Handler(), 0);
    informer.stopped().whenComplete((ignored, failure) -> stopped(failure));
  }

  /** The next change, waiting for it. */
  Change next() throws InterruptedException {
    return changes.take();
  }

  /** The next change, waiting at most {@code nanos}; empty when none came in that time. */
  Optional<Change> next(long nanos) throws InterruptedException {
    return Optional.ofNullable(changes.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS));
  }

  @Override
  public void close() {
    closing = true;
    informer.close();
  }

  private void stopped(Throwable failure) {
    if (!closing) {
      changes.add(
          new Lost(failure == null ? "the watch stopped" : String.valueOf(failure.getMessage())));
    }
  }

  private final class Handler implements ResourceEventHandler<Experiment> {

    @Override
    public void onAdd(Experiment experiment) {
      changes.add(new Updated(experiment));
    }

    @Override
    public void onUpdate(Experiment before, Experiment after) {
      changes.add(new Updated(after));
    }

    @Override
    public void onDelete(Experiment experiment, boolean finalStateUnknown) {
      changes.add(new Deleted(experiment));
    }
  }
}
