package io.illm.lab.operator.engine;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import io.illm.lab.operator.ports.Ports;
import java.util.ArrayList;
import java.util.List;

/**
 * Performs a decision's actions through the ports, each one on its own: a port that fails one
 * action does not stop the others (the lifecycle decides them all again next turn, and every port
 * change is idempotent). The finalizer actions are the shell's, not a port's: they are skipped here
 * and read from the decision by the shell.
 */
final class Actor {

  private final Ports ports;

  Actor(Ports ports) {
    this.ports = ports;
  }

  /**
   * Performs every action; returns what failed, as {@code action: reason} lines (empty when all
   * went).
   */
  List<String> act(
      ExperimentId id, ExperimentSpec spec, ExperimentStatus status, List<Action> actions) {
    List<String> failures = new ArrayList<>();
    for (Action action : actions) {
      try {
        perform(id, spec, status, action);
      } catch (PortException e) {
        failures.add(action + ": " + e.getMessage());
      }
    }
    return failures;
  }

  private void perform(
      ExperimentId id, ExperimentSpec spec, ExperimentStatus status, Action action) {
    if (action instanceof CreateClusterClaim a) {
      ports.clusters().create(id, a);
    } else if (action instanceof DeleteClusterClaim a) {
      ports.clusters().delete(id, a);
    } else if (action instanceof RegisterCluster a) {
      ports.clusters().register(id, a);
    } else if (action instanceof UnregisterCluster a) {
      ports.clusters().unregister(id, a);
    } else if (action instanceof ExposeKubeconfig a) {
      ports.clusters().exposeKubeconfig(id, a);
    } else if (action instanceof DeleteKubeconfig a) {
      ports.clusters().deleteKubeconfig(id, a);
    } else if (action instanceof CreateApplication a) {
      ports.deployments().create(id, a);
    } else if (action instanceof DeleteApplication a) {
      ports.deployments().delete(id, a);
    } else if (action instanceof SubmitWorkflow a) {
      ports.workflows().submit(id, a);
    } else if (action instanceof DeleteWorkflow a) {
      ports.workflows().delete(id, a);
    } else if (action instanceof CollectMetrics a) {
      ports.metrics().start(id, spec, a);
    } else if (action instanceof StoreResults a) {
      ports.results().store(id, spec, status, a);
    } else if (action instanceof EmitEvent a) {
      ports.events().emit(id, a);
    }
    // AddFinalizer and RemoveFinalizer: the shell's (see Engine.Outcome)
  }
}
