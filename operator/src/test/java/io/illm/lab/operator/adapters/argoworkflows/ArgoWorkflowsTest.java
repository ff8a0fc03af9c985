package io.illm.lab.operator.adapters.argoworkflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.operator.adapters.kubernetes.ChildCrds;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow port against the fabric8 mock API server in CRUD mode; the test plays Argo
 * Workflows.
 */
@EnableKubernetesMockClient(crud = true)
class ArgoWorkflowsTest {

  private static final ExperimentId EXPERIMENT = new ExperimentId("lab", "tsdb");
  private static final String WORKFLOW = "tsdb";
  private static final String TEMPLATE = "load-test";

  KubernetesClient client;
  private ArgoWorkflows workflows;

  @BeforeEach
  void wire() {
    ChildCrds.apply(client);
    workflows = new ArgoWorkflows(client, Placement.DEFAULT);
  }

  @Test
  void submittingTwiceCreatesOneWorkflow() {
    workflows.submit(EXPERIMENT, submit(Map.of("rate", "100")));
    workflows.submit(EXPERIMENT, submit(Map.of("rate", "999")));

    List<Workflow> found =
        client.resources(Workflow.class).inNamespace("argo-workflows").list().getItems();
    assertEquals(1, found.size());
    assertEquals("100", found.get(0).getSpec().getArguments().getParameters().get(0).getValue());
  }

  @Test
  void observeMapsEveryPhaseOfTheWorkflow() {
    createTemplate(TEMPLATE);
    assertEquals(WorkflowObservation.ABSENT, workflows.observe(EXPERIMENT, TEMPLATE));

    workflows.submit(EXPERIMENT, submit(Map.of()));
    assertEquals(WorkflowState.PENDING, workflows.observe(EXPERIMENT, TEMPLATE).state());

    Map<String, WorkflowState> phases =
        Map.of(
            "Pending",
            WorkflowState.PENDING,
            "Running",
            WorkflowState.RUNNING,
            "Succeeded",
            WorkflowState.SUCCEEDED,
            "Failed",
            WorkflowState.FAILED,
            "Error",
            WorkflowState.ERROR);
    phases.forEach(
        (phase, state) -> {
          setStatus(phase, "step " + phase);
          assertEquals(
              new WorkflowObservation(
                  state, "step " + phase, "2026-11-27T00:00:00Z", "2026-11-27T00:10:00Z", false),
              workflows.observe(EXPERIMENT, TEMPLATE),
              phase);
        });

    Workflow held = workflow();
    held.getMetadata().setFinalizers(List.of("workflows.argoproj.io/artifact-gc"));
    client.resource(held).update();
    workflows.delete(EXPERIMENT, new DeleteWorkflow(WORKFLOW));
    assertEquals(WorkflowState.DELETING, workflows.observe(EXPERIMENT, TEMPLATE).state());

    Workflow deleting = workflow();
    deleting.getMetadata().setFinalizers(List.of());
    client.resource(deleting).update();
    assertEquals(WorkflowState.ABSENT, workflows.observe(EXPERIMENT, TEMPLATE).state());
  }

  @Test
  void aMissingTemplateIsObservedAndANullTemplateIsNeverMissing() {
    assertTrue(workflows.observe(EXPERIMENT, TEMPLATE).templateMissing());
    assertFalse(workflows.observe(EXPERIMENT, null).templateMissing());

    createTemplate(TEMPLATE);

    assertFalse(workflows.observe(EXPERIMENT, TEMPLATE).templateMissing());
  }

  @Test
  void deleteThenObserveIsAbsentAndDeletingAMissingWorkflowIsFine() {
    workflows.submit(EXPERIMENT, submit(Map.of()));

    workflows.delete(EXPERIMENT, new DeleteWorkflow(WORKFLOW));
    workflows.delete(EXPERIMENT, new DeleteWorkflow(WORKFLOW));

    assertEquals(WorkflowState.ABSENT, workflows.observe(EXPERIMENT, null).state());
  }

  @Test
  void workflowsOfOtherExperimentsAreNotObserved() {
    workflows.submit(
        new ExperimentId("lab", "other"), new SubmitWorkflow("other", TEMPLATE, Map.of()));

    assertEquals(WorkflowState.ABSENT, workflows.observe(EXPERIMENT, null).state());
  }

  private Workflow workflow() {
    return client.resources(Workflow.class).inNamespace("argo-workflows").withName(WORKFLOW).get();
  }

  /**
   * What Argo Workflows does: writes the Workflow's status (no status subresource on Workflows).
   */
  private void setStatus(String phase, String message) {
    Workflow workflow = workflow();
    WorkflowStatus status = new WorkflowStatus();
    status.setPhase(phase);
    status.setMessage(message);
    status.setStartedAt("2026-11-27T00:00:00Z");
    status.setFinishedAt("2026-11-27T00:10:00Z");
    workflow.setStatus(status);
    client.resource(workflow).update();
  }

  private void createTemplate(String name) {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("argo-workflows").build());
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
  }

  private static SubmitWorkflow submit(Map<String, String> params) {
    return new SubmitWorkflow(WORKFLOW, TEMPLATE, params);
  }
}
