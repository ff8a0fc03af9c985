package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.names.ExperimentNames;

/**
 * Pending: records what the run is (start time, spec hash, one status entry per target with its
 * cluster name) before anything is created, then moves to Provisioning.
 */
final class PendingPhase {

  private PendingPhase() {}

  static void decide(Turn t) {
    t.status.setSpecHash(t.world.meta().specHash());
    for (Target target : t.spec.getTargets()) {
      TargetStatus ts = t.target(target.getName());
      ts.setPhase("Pending");
      ts.setClusterName(clusterName(t.experiment(), target));
      ClusterSpec cluster = target.getCluster();
      if (!hub(target)) {
        ts.setMachineType(ClusterDefaults.machineType(cluster));
        ts.setNodeCount(ClusterDefaults.nodeCount(cluster));
      }
    }
    int created = (int) t.spec.getTargets().stream().filter(x -> !hub(x)).count();
    t.enter(
        Phase.PROVISIONING,
        null,
        Reasons.STARTED,
        "creating "
            + created
            + " cluster"
            + (created == 1 ? "" : "s")
            + " for "
            + t.spec.getTargets().size()
            + " target"
            + (t.spec.getTargets().size() == 1 ? "" : "s"));
  }

  static boolean hub(Target target) {
    return target.getCluster().getProvider() == Provider.HUB;
  }

  static String clusterName(String experiment, Target target) {
    return hub(target)
        ? ExperimentNames.HUB_CLUSTER
        : ExperimentNames.clusterName(experiment, target.getName());
  }
}
