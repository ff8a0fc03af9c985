package io.illm.lab.hub.controllers;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.argoworkflows.workflowstatus.Nodes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Argo Workflows, simulated, for {@code Workflow}s: Running with {@code startedAt} after {@link
 * SimTimings#workflowStart()}, then Succeeded (or Failed, with its {@link #fail failure switch} on)
 * with {@code finishedAt} after {@link SimTimings#workflowRun()}; a Workflow whose WorkflowTemplate
 * does not exist ends in Error at once, as Argo's does. Between the two it walks the template's
 * steps ({@link SimSteps}): each group of steps in turn gets an equal share of the run, with a node
 * per step in {@code status.nodes} (Running, then Succeeded; the group running when a failing
 * Workflow ends, Failed) and Argo's {@code status.progress}. Argo puts no finalizer on Workflows,
 * so a deleted one is gone at once. No pod runs.
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
    once("start", workflow, timings.workflowStart(), () -> start(name));
    Optional<SimSteps> steps = template(workflow).map(SimSteps::of);
    int groups = steps.map(SimSteps::groups).orElse(0);
    for (int group = 1; group < groups; group++) {
      int next = group;
      Duration at =
          timings.workflowStart().plus(timings.workflowRun().multipliedBy(group).dividedBy(groups));
      once("group-" + group, workflow, at, () -> edit(name, w -> advance(w, steps.get(), next)));
    }
    once(
        "end",
        workflow,
        timings.workflowStart().plus(timings.workflowRun()),
        () -> edit(name, w -> end(w, steps.orElse(SimSteps.NONE))));
  }

  /** Running with the first group of steps, or Error when the template does not exist. */
  private void start(String name) {
    Workflow workflow = current(name);
    String missing = missingTemplate(workflow);
    Optional<SimSteps> steps = template(workflow).map(SimSteps::of);
    edit(
        name,
        w -> {
          SimControllers.mark(w);
          if (missing != null) {
            w.setStatus(
                status(
                    "Error",
                    now(),
                    now(),
                    SimControllers.message(
                        "workflowtemplates.argoproj.io \"" + missing + "\" not found")));
            return w;
          }
          w.setStatus(status("Running", now(), null, SimControllers.message("running")));
          steps.ifPresent(s -> s.enter(w.getStatus(), name, 0, now()));
          return w;
        });
  }

  /** The next group of steps starts; the one before succeeded. */
  private Workflow advance(Workflow workflow, SimSteps steps, int group) {
    if (!finished(workflow) && workflow.getStatus() != null) {
      steps.enter(workflow.getStatus(), workflow.getMetadata().getName(), group, now());
    }
    return workflow;
  }

  /** Succeeded with every step, or Failed (the failure switch) in the group running then. */
  private Workflow end(Workflow workflow, SimSteps steps) {
    if (finished(workflow)) {
      return workflow;
    }
    String name = workflow.getMetadata().getName();
    String startedAt =
        workflow.getStatus() == null || workflow.getStatus().getStartedAt() == null
            ? now()
            : workflow.getStatus().getStartedAt();
    Map<String, Nodes> nodes =
        workflow.getStatus() == null ? null : workflow.getStatus().getNodes();
    Optional<String> failure = failure(name);
    WorkflowStatus status =
        failure
            .map(message -> status("Failed", startedAt, now(), message))
            .orElseGet(
                () ->
                    status(
                        "Succeeded",
                        startedAt,
                        now(),
                        SimControllers.message("every step succeeded")));
    status.setNodes(nodes == null ? null : new LinkedHashMap<>(nodes));
    steps.finish(status, now(), failure.isEmpty());
    workflow.setStatus(status);
    return workflow;
  }

  /** The spec of the WorkflowTemplate {@code workflow} runs, when it exists. */
  private Optional<Map<String, Object>> template(Workflow workflow) {
    String name = templateName(workflow);
    if (name == null) {
      return Optional.empty();
    }
    GenericKubernetesResource template =
        client
            .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
            .inNamespace(placement.workflows())
            .withName(name)
            .get();
    if (template == null
        || !(template.getAdditionalProperties().get("spec") instanceof Map<?, ?>)) {
      return Optional.empty();
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) template.getAdditionalProperties().get("spec");
    return Optional.of(spec);
  }

  /**
   * The name of the WorkflowTemplate {@code workflow} refers to when it does not exist; else null.
   */
  private String missingTemplate(Workflow workflow) {
    String template = templateName(workflow);
    if (template == null) {
      return null;
    }
    boolean exists =
        client
                .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
                .inNamespace(placement.workflows())
                .withName(template)
                .get()
            != null;
    return exists ? null : template;
  }

  private static String templateName(Workflow workflow) {
    return workflow == null
            || workflow.getSpec() == null
            || workflow.getSpec().getWorkflowTemplateRef() == null
        ? null
        : workflow.getSpec().getWorkflowTemplateRef().getName();
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
