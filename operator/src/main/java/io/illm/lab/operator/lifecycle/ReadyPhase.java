package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Phase;
import io.illm.lab.model.WorkflowStatus;
import io.illm.lab.model.names.ExperimentNames;
import java.util.Set;

/**
 * Ready (every cluster ready): deploys the components in {@code depends} order, gives a tutorial's
 * learner its access ({@link TutorialAccess}) and, once every target is healthy, submits the
 * workflow and moves to Running.
 */
final class ReadyPhase {

  private ReadyPhase() {}

  static void decide(Turn t) {
    Set<String> ready = ClusterProgress.advance(t, false);
    if (t.terminal()) {
      return;
    }
    boolean healthy = Deployment.advance(t, ready);
    TutorialAccess.advance(t);
    if (t.terminal() || !healthy) {
      return;
    }
    String name = ExperimentNames.workflowName(t.experiment());
    WorkflowStatus ws = new WorkflowStatus();
    ws.setName(name);
    t.status.setWorkflowStatus(ws);
    t.enter(
        Phase.RUNNING,
        Steps.WORKLOAD,
        Reasons.WORKFLOW_SUBMITTED,
        "every component is healthy; workflow " + name + " submitted");
    RunningPhase.submitIfMissing(t);
  }
}
