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
import java.util.concurrent.ConcurrentHashMap;

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

  /**
   * What each running Workflow runs, by uid: its template is read once, when the Workflow is first
   * seen (Argo, too, keeps the template a Workflow started with), not at every step.
   */
  private final Map<String, Run> runs = new ConcurrentHashMap<>();

  /** The template of a Workflow: its name when it does not exist, else its steps if it has any. */
  private record Run(String missingTemplate, Optional<SimSteps> steps) {}

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
    String key = key(workflow);
    if (workflow.getMetadata().getDeletionTimestamp() != null || finished(workflow)) {
      runs.remove(key);
      return;
    }
    Run run = runs.computeIfAbsent(key, k -> read(workflow));
    once("start", workflow, timings.workflowStart(), () -> start(name, run));
    int groups = run.steps().map(SimSteps::groups).orElse(0);
    for (int group = 1; group < groups; group++) {
      int next = group;
      Duration at =
          timings.workflowStart().plus(timings.workflowRun().multipliedBy(group).dividedBy(groups));
      once(
          "group-" + group,
          workflow,
          at,
          () -> edit(name, w -> advance(w, run.steps().get(), next)));
    }
    once(
        "end",
        workflow,
        timings.workflowStart().plus(timings.workflowRun()),
        () -> edit(name, w -> end(w, run.steps().orElse(SimSteps.NONE))));
  }

  /** Running with the first group of steps, or Error when the template does not exist. */
  private void start(String name, Run run) {
    edit(
        name,
        w -> {
          SimControllers.mark(w);
          if (run.missingTemplate() != null) {
            w.setStatus(
                status(
                    "Error",
                    now(),
                    now(),
                    SimControllers.message(
                        "workflowtemplates.argoproj.io \""
                            + run.missingTemplate()
                            + "\" not found")));
            return w;
          }
          w.setStatus(status("Running", now(), null, SimControllers.message("running")));
          run.steps().ifPresent(s -> s.enter(w.getStatus(), name, 0, now()));
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

  /**
   * Reads the WorkflowTemplate {@code workflow} refers to, once: missing when it names one that
   * does not exist, steps when the template has a spec.
   */
  private Run read(Workflow workflow) {
    String name = templateName(workflow);
    if (name == null) {
      return new Run(null, Optional.empty());
    }
    GenericKubernetesResource template =
        client
            .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
            .inNamespace(placement.workflows())
            .withName(name)
            .get();
    if (template == null) {
      return new Run(name, Optional.empty());
    }
    if (!(template.getAdditionalProperties().get("spec") instanceof Map<?, ?>)) {
      return new Run(null, Optional.empty());
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) template.getAdditionalProperties().get("spec");
    return new Run(null, Optional.of(SimSteps.of(spec)));
  }

  private static String key(Workflow workflow) {
    String uid = workflow.getMetadata().getUid();
    return uid != null ? uid : workflow.getMetadata().getName();
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
