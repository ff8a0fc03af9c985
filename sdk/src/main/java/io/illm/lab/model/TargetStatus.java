package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The observed state of one target. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("The observed state of one target.")
@JsonPropertyOrder({"name", "phase"})
@EqualsAndHashCode
@ToString
public class TargetStatus {

  @Required
  @JsonPropertyDescription("The target's name in spec.targets.")
  private String name;

  @JsonPropertyDescription("Pending, Provisioning, Ready, Deploying, Healthy, Failed or Deleted.")
  private String phase;

  @JsonPropertyDescription("The cluster's name (hub for hub targets).")
  private String clusterName;

  @JsonPropertyDescription("The cluster's API endpoint.")
  private String endpoint;

  @JsonPropertyDescription("The machine type in effect (defaults applied).")
  private String machineType;

  @JsonPropertyDescription("The node count in effect (defaults applied).")
  private Integer nodeCount;

  @JsonPropertyDescription("Deployed resources as Kind/name.")
  private List<String> components;

  @JsonPropertyDescription("Why the target is in its phase.")
  private String message;

  public TargetStatus() {}

  public TargetStatus(
      String name,
      String phase,
      String clusterName,
      String endpoint,
      String machineType,
      Integer nodeCount,
      List<String> components,
      String message) {
    this.name = name;
    this.phase = phase;
    this.clusterName = clusterName;
    this.endpoint = endpoint;
    this.machineType = machineType;
    this.nodeCount = nodeCount;
    this.components = components;
    this.message = message;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhase() {
    return phase;
  }

  public void setPhase(String phase) {
    this.phase = phase;
  }

  public String getClusterName() {
    return clusterName;
  }

  public void setClusterName(String clusterName) {
    this.clusterName = clusterName;
  }

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
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

  public List<String> getComponents() {
    return components;
  }

  public void setComponents(List<String> components) {
    this.components = components;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
