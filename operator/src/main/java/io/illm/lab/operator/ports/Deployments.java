package io.illm.lab.operator.ports;

import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import java.util.Map;

/**
 * The deployments of components on target clusters: one ArgoCD Application per component and
 * target. Healthy means Synced and Healthy.
 *
 * <p>Every method may throw {@link PortException} when the backing API does not answer. Changes are
 * idempotent, keyed by the deterministic name in the action.
 */
public interface Deployments {

  /**
   * Every Application that belongs to {@code experiment} (found by its label), keyed by name; one
   * that does not exist is absent from the map (not-found is not an error).
   */
  Map<String, AppObservation> observe(ExperimentId experiment);

  /** Creates the Application unless one of that name exists; an existing one is left as it is. */
  void create(ExperimentId experiment, CreateApplication application);

  /** Asks for the Application's deletion (with its resources); not-found is success. */
  void delete(ExperimentId experiment, DeleteApplication application);

  /** True when the deployments are simulated. */
  default boolean simulated() {
    return false;
  }
}
