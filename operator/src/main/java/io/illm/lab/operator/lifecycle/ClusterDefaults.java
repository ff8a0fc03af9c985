package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;

/**
 * The model's documented cluster defaults (see ClusterSpec's field descriptions), applied when a
 * cluster is created so they never change the committed YAML. One place for the status (what was
 * asked for) and the claim (what is paid for).
 */
public final class ClusterDefaults {

  public static final int NODE_COUNT = 1;
  public static final int DISK_SIZE_GB = 50;
  public static final String GKE_ZONE = "us-central1-a";

  private ClusterDefaults() {}

  /** The machine type in effect: the spec's, else the provider's default. */
  public static String machineType(ClusterSpec cluster) {
    if (cluster.getMachineType() != null) {
      return cluster.getMachineType();
    }
    return switch (cluster.getProvider()) {
      case EKS -> "m6i.large";
      case AKS -> "Standard_D2s_v5";
      default -> "e2-medium";
    };
  }

  /**
   * The region in effect for eks and aks: the spec's, else the provider's default; gke: the spec's.
   */
  public static String region(ClusterSpec cluster) {
    if (cluster.getRegion() != null || cluster.getProvider() == Provider.GKE) {
      return cluster.getRegion();
    }
    return cluster.getProvider() == Provider.EKS ? "us-east-1" : "eastus";
  }

  /**
   * The GKE zone in effect: the spec's, else {@value #GKE_ZONE} unless a region makes it regional.
   */
  public static String zone(ClusterSpec cluster) {
    if (cluster.getProvider() != Provider.GKE) {
      return null;
    }
    return cluster.getZone() == null && cluster.getRegion() == null ? GKE_ZONE : cluster.getZone();
  }

  public static int nodeCount(ClusterSpec cluster) {
    return cluster.getNodeCount() == null ? NODE_COUNT : cluster.getNodeCount();
  }

  public static int diskSizeGb(ClusterSpec cluster) {
    return cluster.getDiskSizeGb() == null ? DISK_SIZE_GB : cluster.getDiskSizeGb();
  }
}
