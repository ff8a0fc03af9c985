package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A cluster and what is deployed on it. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("A cluster and what is deployed on it.")
@JsonPropertyOrder({"name", "cluster"})
@EqualsAndHashCode
@ToString
public class Target {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(min = 1, max = 63)
  @JsonPropertyDescription(
      "Target name, unique in the experiment; part of derived object names (a DNS-1123 label, at most 63 characters).")
  private String name;

  @Required
  @JsonPropertyDescription("The cluster this target runs on.")
  private ClusterSpec cluster;

  @Size(max = 64)
  @JsonPropertyDescription("Components deployed on this target, in order.")
  private List<ComponentRef> components;

  @JsonPropertyDescription("Metrics backhaul from this target to the hub. Default: disabled.")
  private ObservabilitySpec observability;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Names of other targets whose components must be healthy before this target's components are deployed.")
  private List<String> depends;

  public Target() {}

  public Target(
      String name,
      ClusterSpec cluster,
      List<ComponentRef> components,
      ObservabilitySpec observability,
      List<String> depends) {
    this.name = name;
    this.cluster = cluster;
    this.components = components;
    this.observability = observability;
    this.depends = depends;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ClusterSpec getCluster() {
    return cluster;
  }

  public void setCluster(ClusterSpec cluster) {
    this.cluster = cluster;
  }

  public List<ComponentRef> getComponents() {
    return components;
  }

  public void setComponents(List<ComponentRef> components) {
    this.components = components;
  }

  public ObservabilitySpec getObservability() {
    return observability;
  }

  public void setObservability(ObservabilitySpec observability) {
    this.observability = observability;
  }

  public List<String> getDepends() {
    return depends;
  }

  public void setDepends(List<String> depends) {
    this.depends = depends;
  }
}
