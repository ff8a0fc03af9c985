package io.illm.lab.operator.ports;

import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;

/**
 * The experiments' workload runs: one Argo Workflow per experiment, submitted from a
 * WorkflowTemplate.
 *
 * <p>Every method may throw {@link PortException} when the backing API does not answer. Changes are
 * idempotent, keyed by the deterministic name in the action.
 */
public interface Workflows {

  /**
   * The experiment's Workflow (found by its label) and whether {@code template} exists. No Workflow
   * gives state {@code ABSENT} (not-found is not an error); a null template is never missing.
   */
  WorkflowObservation observe(ExperimentId experiment, String template);

  /** Submits the Workflow unless one of that name exists. */
  void submit(ExperimentId experiment, SubmitWorkflow workflow);

  /** Asks for the Workflow's deletion; not-found is success. */
  void delete(ExperimentId experiment, DeleteWorkflow workflow);

  /** True when the workflows are simulated. */
  default boolean simulated() {
    return false;
  }
}
