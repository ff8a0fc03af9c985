package io.illm.lab.operator.ports;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;

/**
 * The collection of an experiment's metrics over its measurement window, and the verdict on its
 * hypothesis. Collection is asynchronous: {@link #start} returns at once and {@link #observe}
 * reports progress, so no reconcile ever waits for a query.
 *
 * <p>Implementations retry transient query errors themselves and report a collection that cannot
 * succeed as {@code FAILED} with a message; {@link PortException} means the port itself did not
 * answer.
 */
public interface Metrics {

  /** The collection for {@code experiment}; {@code NOT_STARTED} when none was started. */
  MetricsObservation observe(ExperimentId experiment);

  /**
   * Starts collecting the spec's metrics over the action's window, unless a collection for this
   * experiment is already running or done (then nothing changes).
   */
  void start(ExperimentId experiment, ExperimentSpec spec, CollectMetrics collect);

  /**
   * Forgets the collection of {@code experiment}, which is being deleted, so that a new experiment
   * of the same name starts afresh. Nothing stored is deleted.
   */
  default void forget(ExperimentId experiment) {}

  /** True when the metrics are simulated: their numbers are not measurements. */
  default boolean simulated() {
    return false;
  }
}
