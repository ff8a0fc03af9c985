package io.illm.lab.dsl;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;

/**
 * A cluster the operator creates for the experiment and deletes afterwards. Immutable: every method
 * returns a new shape, so one shape can be shared by several targets.
 */
public final class CloudCluster extends ClusterShape {

  private final Provider provider;
  private String machineType;
  private Boolean preemptible;
  private String zone;
  private String region;
  private Integer nodeCount;
  private Integer diskSizeGb;
  private String kubernetesVersion;

  CloudCluster(Provider provider, String machineType) {
    this.provider = provider;
    this.machineType = machineType;
  }

  private CloudCluster copy() {
    CloudCluster copy = new CloudCluster(provider, machineType);
    copy.preemptible = preemptible;
    copy.zone = zone;
    copy.region = region;
    copy.nodeCount = nodeCount;
    copy.diskSizeGb = diskSizeGb;
    copy.kubernetesVersion = kubernetesVersion;
    return copy;
  }

  /**
   * Number of worker nodes, 1-100.
   *
   * <p>Default: 1.
   */
  public CloudCluster nodes(int count) {
    CloudCluster copy = copy();
    copy.nodeCount = count;
    return copy;
  }

  /**
   * Spot (preemptible) worker nodes: cheaper, and may be taken away.
   *
   * <p>Default: on-demand nodes.
   */
  public CloudCluster spot() {
    return spot(true);
  }

  /**
   * Spot (preemptible) worker nodes or not, written even when false.
   *
   * <p>Default: false (on-demand nodes).
   */
  public CloudCluster spot(boolean spot) {
    CloudCluster copy = copy();
    copy.preemptible = spot;
    return copy;
  }

  /**
   * Boot disk size per node in GiB, 10-65536.
   *
   * <p>Default: 50.
   */
  public CloudCluster disk(int gib) {
    CloudCluster copy = copy();
    copy.diskSizeGb = gib;
    return copy;
  }

  /**
   * Kubernetes minor version, e.g. {@code "1.30"}.
   *
   * <p>Default: the provider's default release channel.
   */
  public CloudCluster kubernetes(String version) {
    CloudCluster copy = copy();
    copy.kubernetesVersion = version;
    return copy;
  }

  /**
   * GKE zone of a zonal cluster, e.g. {@code "us-central1-a"}; gke only, and not together with
   * {@link #region}.
   *
   * <p>Default: us-central1-a.
   */
  public CloudCluster zone(String zone) {
    CloudCluster copy = copy();
    copy.zone = zone;
    return copy;
  }

  /**
   * Region, e.g. {@code "us-east-1"} (eks), {@code "eastus"} (aks), {@code "us-central1"} (a
   * regional gke cluster).
   *
   * <p>Default: eks us-east-1, aks eastus, gke zonal in us-central1-a.
   */
  public CloudCluster region(String region) {
    CloudCluster copy = copy();
    copy.region = region;
    return copy;
  }

  @Override
  ClusterSpec spec() {
    return new ClusterSpec(
        provider, preemptible, zone, region, machineType, nodeCount, diskSizeGb, kubernetesVersion);
  }
}
