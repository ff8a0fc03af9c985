package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * The cluster a target runs on. Defaults are applied by the operator when the cluster is created,
 * so they never change the committed YAML.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "The cluster a target runs on. Defaults are applied by the operator when the cluster is created, so they never change the committed YAML.")
@JsonPropertyOrder({"provider"})
@ValidationRule(
    value =
        "self.provider != 'hub' || (!has(self.preemptible) && !has(self.zone) && !has(self.region) && !has(self.machineType) && !has(self.nodeCount) && !has(self.diskSizeGb) && !has(self.kubernetesVersion))",
    message = "a hub target uses the hub cluster as it is: remove the machine shape fields")
@ValidationRule(
    value = "!has(self.zone) || self.provider == 'gke'",
    message = "zone applies to gke only; use region for eks and aks")
@ValidationRule(
    value = "!has(self.zone) || !has(self.region)",
    message = "set zone (zonal cluster) or region (regional cluster), not both")
@EqualsAndHashCode
@ToString
public class ClusterSpec {

  @Required
  @JsonPropertyDescription(
      "Where the cluster comes from: gke, eks, aks, or hub (the hub cluster itself, nothing is created).")
  private Provider provider;

  @JsonPropertyDescription("Use spot/preemptible nodes. Default: false. Not for hub.")
  private Boolean preemptible;

  @Pattern("^[a-z]+-[a-z]+[0-9]+-[a-z]$")
  @JsonPropertyDescription(
      "GKE zone for a zonal cluster, e.g. us-central1-a. Default for gke: us-central1-a. gke only.")
  private String zone;

  @Pattern("^[a-z][a-z0-9-]*[a-z0-9]$")
  @JsonPropertyDescription(
      "Region, e.g. us-east-1 (eks), eastus (aks), us-central1 (gke regional). Defaults: eks us-east-1, aks eastus.")
  private String region;

  @Pattern("^[A-Za-z0-9][A-Za-z0-9._-]*$")
  @JsonPropertyDescription(
      "Machine shape of the worker nodes, e.g. e2-standard-4 (gke), m6i.large (eks), Standard_D4s_v5 (aks). Defaults: gke e2-medium, eks m6i.large, aks Standard_D2s_v5.")
  private String machineType;

  @Min(1)
  @Max(100)
  @JsonPropertyDescription("Number of worker nodes. Default: 1. Range 1-100.")
  private Integer nodeCount;

  @Min(10)
  @Max(65536)
  @JsonPropertyDescription("Boot disk size per node in GiB. Default: 50. Range 10-65536.")
  private Integer diskSizeGb;

  @Pattern("^1\\.[0-9]+(\\.[0-9]+)?$")
  @JsonPropertyDescription(
      "Kubernetes minor version, e.g. 1.30. Default: the provider's default channel.")
  private String kubernetesVersion;

  public ClusterSpec() {}

  public ClusterSpec(
      Provider provider,
      Boolean preemptible,
      String zone,
      String region,
      String machineType,
      Integer nodeCount,
      Integer diskSizeGb,
      String kubernetesVersion) {
    this.provider = provider;
    this.preemptible = preemptible;
    this.zone = zone;
    this.region = region;
    this.machineType = machineType;
    this.nodeCount = nodeCount;
    this.diskSizeGb = diskSizeGb;
    this.kubernetesVersion = kubernetesVersion;
  }

  public Provider getProvider() {
    return provider;
  }

  public void setProvider(Provider provider) {
    this.provider = provider;
  }

  public Boolean getPreemptible() {
    return preemptible;
  }

  public void setPreemptible(Boolean preemptible) {
    this.preemptible = preemptible;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getMachineType() {
    return machineType;
  }

  public void setMachineType(String machineType) {
    this.machineType = machineType;
  }

  public Integer getNodeCount() {
    return nodeCount;
  }

  public void setNodeCount(Integer nodeCount) {
    this.nodeCount = nodeCount;
  }

  public Integer getDiskSizeGb() {
    return diskSizeGb;
  }

  public void setDiskSizeGb(Integer diskSizeGb) {
    this.diskSizeGb = diskSizeGb;
  }

  public String getKubernetesVersion() {
    return kubernetesVersion;
  }

  public void setKubernetesVersion(String kubernetesVersion) {
    this.kubernetesVersion = kubernetesVersion;
  }
}
