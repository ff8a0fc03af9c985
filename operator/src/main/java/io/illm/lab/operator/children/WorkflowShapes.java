package io.illm.lab.operator.children;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowSpec;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.argoworkflows.workflowspec.Arguments;
import io.illm.lab.operator.children.argoworkflows.workflowspec.WorkflowTemplateRef;
import io.illm.lab.operator.children.argoworkflows.workflowspec.arguments.Parameters;
import io.illm.lab.operator.children.argoworkflows.workflowstatus.Nodes;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Argo Workflows as the workflow port: the experiment's Workflow, from its WorkflowTemplate. */
public final class WorkflowShapes {

  private final Placement placement;

  public WorkflowShapes(Placement placement) {
    this.placement = placement;
  }

  /** The Workflow of a SubmitWorkflow: the template by reference, the parameters sorted by name. */
  public Workflow workflow(String experiment, SubmitWorkflow action) {
    Workflow workflow = new Workflow();
    workflow.setMetadata(
        new ObjectMetaBuilder()
            .withName(action.name())
            .withNamespace(placement.workflows())
            .withLabels(ChildLabels.of(experiment))
            .build());
    WorkflowSpec spec = new WorkflowSpec();
    spec.setServiceAccountName(placement.workflowServiceAccount());
    WorkflowTemplateRef template = new WorkflowTemplateRef();
    template.setName(action.template());
    spec.setWorkflowTemplateRef(template);
    Arguments arguments = new Arguments();
    arguments.setParameters(parameters(action.params()));
    spec.setArguments(arguments);
    workflow.setSpec(spec);
    return workflow;
  }

  /**
   * What a Workflow says: status.phase (none yet is Pending), its message and times; Succeeded,
   * Failed and Error are terminal. Null is absent.
   */
  public static WorkflowObservation observe(Workflow workflow) {
    if (workflow == null) {
      return WorkflowObservation.ABSENT;
    }
    WorkflowStatus status = workflow.getStatus();
    String startedAt = status == null ? null : status.getStartedAt();
    String finishedAt = status == null ? null : status.getFinishedAt();
    String message = status == null ? null : status.getMessage();
    if (workflow.getMetadata() != null && workflow.getMetadata().getDeletionTimestamp() != null) {
      return new WorkflowObservation(WorkflowState.DELETING, message, startedAt, finishedAt, false);
    }
    String phase = status == null || status.getPhase() == null ? "Pending" : status.getPhase();
    WorkflowState state =
        switch (phase) {
          case "Running" -> WorkflowState.RUNNING;
          case "Succeeded" -> WorkflowState.SUCCEEDED;
          case "Failed" -> WorkflowState.FAILED;
          case "Error" -> WorkflowState.ERROR;
          default -> WorkflowState.PENDING;
        };
    return new WorkflowObservation(
        state,
        message,
        startedAt,
        finishedAt,
        false,
        runningStep(status),
        status == null ? null : status.getProgress());
  }

  /**
   * The steps running now: the display names of the Running nodes that run a pod, in the order they
   * started (then by name), joined by commas; null when none runs.
   */
  static String runningStep(WorkflowStatus status) {
    if (status == null || status.getNodes() == null) {
      return null;
    }
    List<String> running =
        status.getNodes().values().stream()
            .filter(n -> n != null && "Pod".equals(n.getType()) && "Running".equals(n.getPhase()))
            .sorted(
                java.util.Comparator.comparing(
                        (Nodes n) -> n.getStartedAt() == null ? "" : n.getStartedAt())
                    .thenComparing(n -> n.getDisplayName() == null ? "" : n.getDisplayName()))
            .map(Nodes::getDisplayName)
            .toList();
    return running.isEmpty() ? null : String.join(", ", running);
  }

  private static List<Parameters> parameters(Map<String, String> params) {
    List<Parameters> parameters = new ArrayList<>();
    new TreeMap<>(params)
        .forEach(
            (name, value) -> {
              Parameters parameter = new Parameters();
              parameter.setName(name);
              parameter.setValue(value);
              parameters.add(parameter);
            });
    return parameters;
  }
}
