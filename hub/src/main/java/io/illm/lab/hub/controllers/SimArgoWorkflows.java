package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;

/**
 * Argo Workflows, simulated, for {@code Workflow}s: Running with {@code startedAt} after {@link
 * SimTimings#workflowStart()}, then Succeeded (or Failed, with its {@link #fail failure switch} on)
 * with {@code finishedAt} after {@link SimTimings#workflowRun()}; a Workflow whose WorkflowTemplate
 * does not exist ends in Error at once, as Argo's does. Argo puts no finalizer on Workflows, so a
 * deleted one is gone at once. No pod runs.
 */
public final class SimArgoWorkflows extends SimController<Workflow> {

  private final KubernetesClient client;
  private final Placement placement;
  private final SimTimings timings;

  SimArgoWorkflows(
      KubernetesClient client,
      Placement placement,
      SimClock clock,
      SimTimings timings,
      SimLanes lanes) {
    super(client.resources(Workflow.class), placement.workflows(), clock, lanes);
    this.client = client;
    this.placement = placement;
    this.timings = timings;
  }

  @Override
  void react(Workflow workflow) {
    String name = workflow.getMetadata().getName();
    if (workflow.getMetadata().getDeletionTimestamp() != null || finished(workflow)) {
      return;
    }
    once(
        "start",
        workflow,
        timings.workflowStart(),
        () -> {
          String missing = missingTemplate(current(name));
          edit(
              name,
              w -> {
                SimControllers.mark(w);
                w.setStatus(
                    missing == null
                        ? status("Running", now(), null, SimControllers.message("running"))
                        : status(
                            "Error",
                            now(),
                            now(),
                            SimControllers.message(
                                "workflowtemplates.argoproj.io \"" + missing + "\" not found")));
                return w;
              });
        });
    once(
        "end",
        workflow,
        timings.workflowStart().plus(timings.workflowRun()),
        () ->
            edit(
                name,
                w -> {
                  if (finished(w)) {
                    return w;
                  }
                  String startedAt =
                      w.getStatus() == null || w.getStatus().getStartedAt() == null
                          ? now()
                          : w.getStatus().getStartedAt();
                  var failure = failure(name);
                  w.setStatus(
                      failure
                          .map(message -> status("Failed", startedAt, now(), message))
                          .orElseGet(
                              () ->
                                  status(
                                      "Succeeded",
                                      startedAt,
                                      now(),
                                      SimControllers.message("every step succeeded"))));
                  return w;
                }));
  }

  /**
   * The name of the WorkflowTemplate {@code workflow} refers to when it does not exist; else null.
   */
  private String missingTemplate(Workflow workflow) {
    if (workflow == null
        || workflow.getSpec() == null
        || workflow.getSpec().getWorkflowTemplateRef() == null) {
      return null;
    }
    String template = workflow.getSpec().getWorkflowTemplateRef().getName();
    boolean exists =
        client
                .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
                .inNamespace(placement.workflows())
                .withName(template)
                .get()
            != null;
    return exists ? null : template;
  }

  private static boolean finished(Workflow workflow) {
    return workflow.getStatus() != null && workflow.getStatus().getFinishedAt() != null;
  }

  private static WorkflowStatus status(
      String phase, String startedAt, String finishedAt, String message) {
    WorkflowStatus status = new WorkflowStatus();
    status.setPhase(phase);
    status.setStartedAt(startedAt);
    status.setFinishedAt(finishedAt);
    status.setMessage(message);
    return status;
  }
}
