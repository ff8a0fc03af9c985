package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brings every target's cluster to ready and registered with ArgoCD. All clusters are created at
 * once: {@code depends} orders deployments, not clusters, and parallel creation saves wall time.
 */
final class ClusterProgress {

  private ClusterProgress() {}

  /**
   * The targets whose clusters are ready and registered (hub targets always are).
   *
   * @param mayCreate create missing claims (Provisioning); later a missing claim is a lost cluster
   */
  static Set<String> advance(Turn t, boolean mayCreate) {
    Set<String> ready = new TreeSet<>();
    for (Target target : t.spec.getTargets()) {
      if (t.terminal()) {
        break;
      }
      if (PendingPhase.hub(target) || advance(t, target, mayCreate)) {
        ready.add(target.getName());
      }
    }
    return ready;
  }

  private static boolean advance(Turn t, Target target, boolean mayCreate) {
    TargetStatus ts = t.target(target.getName());
    String claim = ExperimentNames.clusterName(t.experiment(), target.getName());
    ClusterObservation cluster = t.world.cluster(claim);
    switch (cluster.state()) {
      case ABSENT, GONE -> {
        if (mayCreate) {
          t.act(new CreateClusterClaim(target.getName(), claim, copy(target.getCluster())));
          ts.setPhase("Provisioning");
        } else {
          t.fail(
              Reasons.CLUSTER_LOST,
              "target " + target.getName() + ": cluster claim " + claim + " disappeared");
        }
        return false;
      }
      case PROVISIONING -> {
        ts.setPhase("Provisioning");
        return false;
      }
      case READY -> {
        return ready(t, target, ts, claim, cluster);
      }
      case FAILED -> {
        ts.setPhase("Failed");
        ts.setMessage(cluster.message());
        t.fail(
            Reasons.CLUSTER_FAILED,
            "target "
                + target.getName()
                + ": cluster claim "
                + claim
                + " failed: "
                + cluster.message());
        return false;
      }
      default -> {
        t.fail(
            Reasons.CLUSTER_LOST,
            "target "
                + target.getName()
                + ": cluster claim "
                + claim
                + " is being deleted by someone else");
        return false;
      }
    }
  }

  private static boolean ready(
      Turn t, Target target, TargetStatus ts, String claim, ClusterObservation cluster) {
    if (cluster.endpoint() == null || cluster.endpoint().isBlank()) {
      ts.setPhase("Provisioning");
      return false;
    }
    ts.setEndpoint(cluster.endpoint());
    if (!cluster.registered()) {
      t.act(new RegisterCluster(target.getName(), claim, cluster.endpoint()));
      ts.setPhase("Provisioning");
      return false;
    }
    if (ts.getPhase() == null
        || "Pending".equals(ts.getPhase())
        || "Provisioning".equals(ts.getPhase())) {
      ts.setPhase("Ready");
    }
    return true;
  }

  private static ClusterSpec copy(ClusterSpec c) {
    return new ClusterSpec(
        c.getProvider(),
        c.getPreemptible(),
        c.getZone(),
        c.getRegion(),
        c.getMachineType(),
        c.getNodeCount(),
        c.getDiskSizeGb(),
        c.getKubernetesVersion());
  }
}
