package io.illm.lab.bench.operator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorRunTest {

  @Test
  void aReadyClaimIsDecisiveAClaimStillCreatingIsNot() {
    assertTrue(OperatorRun.decisive(claim("True")));
    assertFalse(OperatorRun.decisive(claim("False")));
  }

  @Test
  void aWorkflowCountsOnceItRunsAndAnUnlabelledObjectNever() {
    Workflow running = workflow("Running");
    assertTrue(OperatorRun.decisive(running));
    assertFalse(OperatorRun.decisive(workflow("Pending")));
    running.getMetadata().setLabels(Map.of());
    assertFalse(OperatorRun.decisive(running));
  }

  private static ClusterClaim claim(String ready) {
    ClusterClaim claim = new ClusterClaim();
    claim.getMetadata().setLabels(Map.of(ChildLabels.EXPERIMENT, "e"));
    Conditions synced = new Conditions();
    synced.setType("Synced");
    synced.setStatus("True");
    Conditions readiness = new Conditions();
    readiness.setType("Ready");
    readiness.setStatus(ready);
    ClusterClaimStatus status = new ClusterClaimStatus();
    status.setConditions(new ArrayList<>(List.of(synced, readiness)));
    claim.setStatus(status);
    return claim;
  }

  private static Workflow workflow(String phase) {
    Workflow workflow = new Workflow();
    workflow.getMetadata().setLabels(Map.of(ChildLabels.EXPERIMENT, "e"));
    WorkflowStatus status = new WorkflowStatus();
    status.setPhase(phase);
    workflow.setStatus(status);
    return workflow;
  }
}
