package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The children still alive, from the names recorded in the status and everything observed (so an
 * edited spec cannot hide a child), and the deletes that remove them.
 *
 * @param remaining what still exists, as Kind/name
 * @param deletes the deletes to issue now (none for objects already being deleted)
 */
record Leftovers(List<String> remaining, List<Action> deletes) {

  static Leftovers of(Turn t) {
    List<String> remaining = new ArrayList<>();
    List<Action> deletes = new ArrayList<>();
    for (String app : applications(t)) {
      AppObservation observed = t.world.application(app);
      if (!observed.state().missing()) {
        remaining.add("Application/" + app);
        if (observed.state() != AppState.DELETING) {
          deletes.add(new DeleteApplication(app));
        }
      }
    }
    WorkflowState workflow = t.world.workflow().state();
    if (!workflow.missing()) {
      String name =
          t.status.getWorkflowStatus() != null && t.status.getWorkflowStatus().getName() != null
              ? t.status.getWorkflowStatus().getName()
              : ExperimentNames.workflowName(t.experiment());
      remaining.add("Workflow/" + name);
      if (workflow != WorkflowState.DELETING) {
        deletes.add(new DeleteWorkflow(name));
      }
    }
    for (String claim : claims(t)) {
      ClusterObservation observed = t.world.cluster(claim);
      if (observed.kubeconfigSecret() != null) {
        remaining.add("Secret/" + observed.kubeconfigSecret());
        deletes.add(new DeleteKubeconfig(observed.kubeconfigSecret()));
      }
      if (observed.registered()) {
        remaining.add("ClusterSecret/" + claim);
        deletes.add(new UnregisterCluster(claim));
      }
      if (!observed.state().missing()) {
        remaining.add("ClusterClaim/" + claim);
        if (observed.state() != ClusterState.DELETING) {
          deletes.add(new DeleteClusterClaim(claim));
        }
      }
    }
    return new Leftovers(List.copyOf(remaining), List.copyOf(deletes));
  }

  boolean none() {
    return remaining.isEmpty();
  }

  private static Set<String> applications(Turn t) {
    Set<String> names = new TreeSet<>(t.world.applications().keySet());
    for (TargetStatus ts : targets(t)) {
      if (ts.getComponents() != null) {
        ts.getComponents().stream()
            .filter(c -> c.startsWith(Deployment.APPLICATION))
            .forEach(c -> names.add(c.substring(Deployment.APPLICATION.length())));
      }
    }
    return names;
  }

  private static Set<String> claims(Turn t) {
    Set<String> names = new TreeSet<>(t.world.clusters().keySet());
    for (TargetStatus ts : targets(t)) {
      if (ts.getClusterName() != null && !ExperimentNames.HUB_CLUSTER.equals(ts.getClusterName())) {
        names.add(ts.getClusterName());
      }
    }
    return names;
  }

  private static List<TargetStatus> targets(Turn t) {
    List<TargetStatus> targets = new ArrayList<>();
    if (t.status.getTargets() != null) {
      t.status.getTargets().stream().filter(x -> x != null).forEach(targets::add);
    }
    return targets;
  }
}
