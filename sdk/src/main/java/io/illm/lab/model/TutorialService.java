package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A Kubernetes Service on a target that a tutorial's learner opens. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("A Kubernetes Service on a target that a tutorial's learner opens.")
@JsonPropertyOrder({"name", "target", "service", "namespace", "port", "path"})
@EqualsAndHashCode
@ToString
public class TutorialService {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("What the learner calls it, e.g. grafana; unique in the tutorial.")
  private String name;

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("The target whose cluster runs the Service.")
  private String target;

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("The Service's name, e.g. kube-prometheus-stack-grafana.")
  private String service;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  @JsonPropertyDescription(
      "The Service's namespace. Default: the experiment's name, where its components are deployed.")
  private String namespace;

  @Required
  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("The Service port the learner opens, e.g. 80.")
  private Integer port;

  @Pattern("^/.*$")
  @Size(max = 256)
  @JsonPropertyDescription("The path to open on that port, e.g. /explore. Default: none.")
  private String path;

  public TutorialService() {}

  public TutorialService(
      String name, String target, String service, String namespace, Integer port, String path) {
    this.name = name;
    this.target = target;
    this.service = service;
    this.namespace = namespace;
    this.port = port;
    this.path = path;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getService() {
    return service;
  }

  public void setService(String service) {
    this.service = service;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }

  public Integer getPort() {
    return port;
  }

  public void setPort(Integer port) {
    this.port = port;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }
}
