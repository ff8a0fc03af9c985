package io.illm.lab.operator.ports;

import java.util.List;
import java.util.function.Consumer;

/**
 * Tells the engine's shell that something an experiment depends on changed (a claim became ready, a
 * workflow ended), so that it decides again at once instead of at the next backstop. Kubernetes
 * adapters have informers for this; simulated ports call the listener themselves.
 */
public interface Changes {

  /** Nothing ever changes by itself. */
  Changes NONE = listener -> {};

  /**
   * Calls {@code listener} with the experiment whenever one of its children changed. The listener
   * must not block; it may be called from any thread. One listener at a time: a second call
   * replaces the first.
   */
  void subscribe(Consumer<ExperimentId> listener);

  /**
   * The announcements of every source, to one listener (e.g. Kubernetes children and simulated
   * metrics).
   */
  static Changes all(Changes... sources) {
    List<Changes> all = List.of(sources);
    return listener -> all.forEach(source -> source.subscribe(listener));
  }
}
