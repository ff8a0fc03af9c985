package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A tutorial service as the learner opens it. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("A tutorial service as the learner opens it.")
@JsonPropertyOrder({"name", "target", "endpoint", "ready"})
@EqualsAndHashCode
@ToString
public class TutorialServiceStatus {

  @Required
  @JsonPropertyDescription("The service's name in spec.tutorial.services.")
  private String name;

  @JsonPropertyDescription("The target whose cluster runs it.")
  private String target;

  @JsonPropertyDescription(
      "What to open from inside that cluster: <service>.<namespace>.svc:<port>[path].")
  private String endpoint;

  @JsonPropertyDescription("True once its target's cluster is ready.")
  private Boolean ready;

  public TutorialServiceStatus() {}

  public TutorialServiceStatus(String name, String target, String endpoint, Boolean ready) {
    this.name = name;
    this.target = target;
    this.endpoint = endpoint;
    this.ready = ready;
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

  public String getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(String endpoint) {
    this.endpoint = endpoint;
  }

  public Boolean getReady() {
    return ready;
  }

  public void setReady(Boolean ready) {
    this.ready = ready;
  }
}
