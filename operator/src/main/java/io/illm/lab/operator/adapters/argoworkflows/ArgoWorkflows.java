package io.illm.lab.operator.adapters.argoworkflows;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.kubernetes.ChildCache;
import io.illm.lab.operator.adapters.kubernetes.KubernetesCalls;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.WorkflowShapes;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Workflows;
import java.util.Comparator;
import java.util.List;

/**
 * The workflow port on a Kubernetes API server: the experiment's Argo Workflow in the workflows
 * namespace (shaped by {@link WorkflowShapes}), and whether its WorkflowTemplate exists there.
 */
public final class ArgoWorkflows implements Workflows {

  /** WorkflowTemplates, read by name only: no type of ours is generated for them. */
  public static final ResourceDefinitionContext WORKFLOW_TEMPLATES =
      new ResourceDefinitionContext.Builder()
          .withGroup("argoproj.io")
          .withVersion("v1alpha1")
          .withKind("WorkflowTemplate")
          .withPlural("workflowtemplates")
          .withNamespaced(true)
          .build();

  private final KubernetesClient client;
  private final Placement placement;
  private final WorkflowShapes shapes;
  private final ChildCache cache;

  /** Reads every observation afresh from the API server. */
  public ArgoWorkflows(KubernetesClient client, Placement placement) {
    this(client, placement, ChildCache.NONE);
  }

  /**
   * Observes the Workflows from {@code cache} when it has them, else afresh; a WorkflowTemplate the
   * cache knows exists, one it does not know is looked up afresh.
   */
  public ArgoWorkflows(KubernetesClient client, Placement placement, ChildCache cache) {
    this.client = client;
    this.cache = cache;
    this.placement = placement;
    this.shapes = new WorkflowShapes(placement);
  }

  /**
   * The experiment's Workflow found by its label; should there be several, the one with the
   * experiment's Workflow name, else the first by name.
   */
  @Override
  public WorkflowObservation observe(ExperimentId experiment, String template) {
    List<Workflow> found =
        cache
            .children(Workflow.class, experiment.name())
            .orElseGet(
                () ->
                    KubernetesCalls.call(
                        "listing the Workflows of " + experiment,
                        () ->
                            client
                                .resources(Workflow.class)
                                .inNamespace(placement.workflows())
                                .withLabels(ChildLabels.of(experiment.name()))
                                .list()
                                .getItems()));
    String expected = ExperimentNames.workflowName(experiment.name());
    Workflow workflow =
        found.stream()
            .min(
                Comparator.comparing((Workflow w) -> !expected.equals(w.getMetadata().getName()))
                    .thenComparing(w -> w.getMetadata().getName()))
            .orElse(null);
    WorkflowObservation seen = WorkflowShapes.observe(workflow);
    boolean templateMissing = template != null && templateAbsent(template);
    return new WorkflowObservation(
        seen.state(), seen.message(), seen.startedAt(), seen.finishedAt(), templateMissing);
  }

  @Override
  public void submit(ExperimentId experiment, SubmitWorkflow action) {
    Workflow workflow = shapes.workflow(experiment.name(), action);
    KubernetesCalls.createUnlessExists(
        "submitting Workflow " + action.name(), () -> client.resource(workflow).create());
  }

  @Override
  public void delete(ExperimentId experiment, DeleteWorkflow action) {
    KubernetesCalls.run(
        "deleting Workflow " + action.name(),
        () ->
            client
                .resources(Workflow.class)
                .inNamespace(placement.workflows())
                .withName(action.name())
                .delete());
  }

  private boolean templateAbsent(String template) {
    if (cache.knowsTemplate(template)) {
      return false;
    }
    GenericKubernetesResource found =
        KubernetesCalls.call(
            "reading WorkflowTemplate " + template,
            () ->
                client
                    .genericKubernetesResources(WORKFLOW_TEMPLATES)
                    .inNamespace(placement.workflows())
                    .withName(template)
                    .get());
    return found == null;
  }
}
