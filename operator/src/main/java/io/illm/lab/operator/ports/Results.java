package io.illm.lab.operator.ports;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;

/**
 * The results store: an experiment's {@code summary.json} and what belongs with it. Storing is
 * asynchronous like collecting: {@link #store} returns at once and {@link #observe} reports it.
 *
 * <p>Implementations retry transient errors themselves and report a store that cannot succeed as
 * {@code FAILED}; {@link PortException} means the port itself did not answer.
 */
public interface Results {

  /** The results of {@code experiment}; {@code NOT_STORED} when nothing was stored or started. */
  ResultsObservation observe(ExperimentId experiment);

  /**
   * Stores the results of the run described by spec and status, unless they are being stored or are
   * stored already (then nothing changes).
   */
  void store(
      ExperimentId experiment, ExperimentSpec spec, ExperimentStatus status, StoreResults store);

  /**
   * Forgets the stored results of {@code experiment}, which is being deleted, so that a new
   * experiment of the same name starts afresh. Nothing stored is deleted.
   */
  default void forget(ExperimentId experiment) {}

  /** True when the store is simulated. */
  default boolean simulated() {
    return false;
  }
}
