package io.illm.lab.operator.children;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.argoworkflows.workflowspec.arguments.Parameters;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowShapesTest {

  private final WorkflowShapes workflows = new WorkflowShapes(Placement.DEFAULT);

  @Test
  void theWorkflowRefersToItsTemplateWithSortedParameters() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("z-endpoint", "https://z");
    params.put("experiment-name", "exp");
    params.put("a-endpoint", "https://a");
    Workflow workflow =
        workflows.workflow("exp", new SubmitWorkflow("exp-run", "load-test", params));
    assertEquals("load-test", workflow.getSpec().getWorkflowTemplateRef().getName());
    assertEquals(
        List.of("a-endpoint", "experiment-name", "z-endpoint"),
        workflow.getSpec().getArguments().getParameters().stream()
            .map(Parameters::getName)
            .toList());
    assertEquals("https://z", workflow.getSpec().getArguments().getParameters().get(2).getValue());
    assertEquals("argo-workflow", workflow.getSpec().getServiceAccountName());
    assertEquals("exp-run", workflow.getMetadata().getName());
    assertEquals("argo-workflows", workflow.getMetadata().getNamespace());
    assertEquals(
        Map.of("app.kubernetes.io/managed-by", "illm-lab", "experiments.illm.io/experiment", "exp"),
        workflow.getMetadata().getLabels());
  }

  @Test
  void thePhaseIsReadUntilATerminalOne() {
    assertEquals(WorkflowState.ABSENT, WorkflowShapes.observe(null).state());
    assertEquals(WorkflowState.PENDING, WorkflowShapes.observe(new Workflow()).state());
    assertEquals(WorkflowState.RUNNING, WorkflowShapes.observe(withPhase("Running")).state());
    assertEquals(WorkflowState.SUCCEEDED, WorkflowShapes.observe(withPhase("Succeeded")).state());
    assertEquals(WorkflowState.FAILED, WorkflowShapes.observe(withPhase("Failed")).state());
    assertEquals(WorkflowState.ERROR, WorkflowShapes.observe(withPhase("Error")).state());
    assertEquals(
        "2026-01-01T00:00:00Z", WorkflowShapes.observe(withPhase("Succeeded")).startedAt());
  }

  private static Workflow withPhase(String phase) {
    Workflow workflow = new Workflow();
    WorkflowStatus status = new WorkflowStatus();
    status.setPhase(phase);
    status.setStartedAt("2026-01-01T00:00:00Z");
    workflow.setStatus(status);
    return workflow;
  }
}
