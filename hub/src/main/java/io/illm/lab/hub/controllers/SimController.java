package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.sim.SimClock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the three simulated controllers share: an informer on their kind in one namespace (no
 * polling), steps scheduled on the {@link SimClock} once per object and step, failure switches by
 * object name, and writes that re-read the object and give up quietly when it is gone.
 */
abstract class SimController<T extends HasMetadata> implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimController.class);

  protected final SimClock clock;
  private final SimLanes lanes;
  private final MixedOperation<T, ? extends KubernetesResourceList<T>, Resource<T>> kind;
  private final String namespace;
  private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
  private final Map<String, String> failures = new HashMap<>();
  private SharedIndexInformer<T> informer;
  private volatile SimControllers.WriteListener writes = (object, startedNanos) -> {};

  SimController(
      MixedOperation<T, ? extends KubernetesResourceList<T>, Resource<T>> kind,
      String namespace,
      SimClock clock,
      SimLanes lanes) {
    this.kind = kind;
    this.namespace = namespace;
    this.clock = clock;
    this.lanes = lanes;
  }

  /**
   * Failure switch: the object named {@code name} fails with {@code message} (marked simulated).
   */
  public synchronized void fail(String name, String message) {
    failures.put(name, SimControllers.message(message));
  }

  /** Told of every edit this controller made (benchmarks time the operator's reaction from it). */
  void onWrite(SimControllers.WriteListener listener) {
    writes = listener;
  }

  /** Starts watching; what exists already is acted on too. */
  synchronized void start() {
    if (informer != null) {
      return;
    }
    informer =
        kind.inNamespace(namespace)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(T object) {
                    react(object);
                  }

                  @Override
                  public void onUpdate(T before, T after) {
                    react(after);
                  }

                  @Override
                  public void onDelete(T object, boolean finalStateUnknown) {
                    // nothing left to act on
                  }
                });
  }

  @Override
  public synchronized void close() {
    if (informer != null) {
      informer.close();
      informer = null;
    }
  }

  /**
   * What the controller does when it sees {@code object} (added or changed); schedules its steps
   * with {@link #once}.
   */
  abstract void react(T object);

  /** The failure switched on for {@code name}, if any. */
  synchronized Optional<String> failure(String name) {
    return Optional.ofNullable(failures.get(name));
  }

  /**
   * Runs {@code step} {@code after} from now on the simulated clock, once per {@code step} name and
   * object: on the object's lane, so an object's steps keep their order and other objects' run
   * beside them.
   */
  final void once(String step, T object, Duration after, Runnable task) {
    String uid = object.getMetadata().getUid();
    String name = object.getMetadata().getName();
    if (scheduled.add(step + "/" + (uid != null ? uid : name))) {
      clock.at(
          clock.instant().plus(after),
          () ->
              lanes.run(
                  name,
                  () -> {
                    try {
                      task.run();
                    } catch (KubernetesClientException e) {
                      // gone meanwhile (404), or changed under us: the next event decides again
                      LOG.debug("simulated {} of {}: {}", step, name, e.getMessage());
                    }
                  }));
    }
  }

  /** The object as it is now, or null when it is gone. */
  final T current(String name) {
    return kind.inNamespace(namespace).withName(name).get();
  }

  /**
   * Edits the object (a JSON patch of what {@code edit} changed, on the object read afresh); when
   * it is gone the 404 ends the step ({@link #once}).
   */
  final void edit(String name, UnaryOperator<T> edit) {
    long started = System.nanoTime();
    writes.wrote(kind.inNamespace(namespace).withName(name).edit(edit), started);
  }

  /** Edits the object's status subresource, as {@link #edit} does. */
  final void editStatus(String name, UnaryOperator<T> edit) {
    long started = System.nanoTime();
    writes.wrote(kind.inNamespace(namespace).withName(name).editStatus(edit), started);
  }

  /** The simulated time now, as Kubernetes writes times (RFC 3339, seconds). */
  final String now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
