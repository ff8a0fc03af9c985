package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;

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
        ts.setMachineType(cluster.getMachineType() != null ? cluster.getMachineType() : defaultMachine(cluster));
        ts.setNodeCount(cluster.getNodeCount() == null ? 1 : cluster.getNodeCount());
      }
    }
    int created = (int) t.spec.getTargets().stream().filter(x -> !hub(x)).count();
    t.enter(Phase.PROVISIONING, null, Reasons.STARTED,
        "creating " + created + " cluster" + (created == 1 ? "" : "s") + " for "
            + t.spec.getTargets().size() + " target" + (t.spec.getTargets().size() == 1 ? "" : "s"));
  }

  /** The model's documented defaults, recorded so the status shows what was asked for. */
  private static String defaultMachine(ClusterSpec cluster) {
    return switch (cluster.getProvider()) {
      case EKS -> "m6i.large";
      case AKS -> "Standard_D2s_v5";
      default -> "e2-medium";
    };
  }

  static boolean hub(Target target) {
    return target.getCluster().getProvider() == Provider.HUB;
  }

  static String clusterName(String experiment, Target target) {
    return hub(target) ? ChildNames.HUB : ChildNames.clusterClaim(experiment, target.getName());
  }
}
