package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The observed state of the experiment's workflow. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("The observed state of the experiment's workflow.")
@JsonPropertyOrder({"name", "phase"})
@EqualsAndHashCode
@ToString
public class WorkflowStatus {

  @Required
  @JsonPropertyDescription("The Workflow object's name.")
  private String name;

  @JsonPropertyDescription("The workflow's phase: Pending, Running, Succeeded, Failed or Error.")
  private String phase;

  @JsonPropertyDescription("The workflow's message.")
  private String message;

  @JsonPropertyDescription("When the workflow started (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription("When the workflow finished (RFC 3339).")
  private String finishedAt;

  public WorkflowStatus() {}

  public WorkflowStatus(
      String name, String phase, String message, String startedAt, String finishedAt) {
    this.name = name;
    this.phase = phase;
    this.message = message;
    this.startedAt = startedAt;
    this.finishedAt = finishedAt;
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

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(String finishedAt) {
    this.finishedAt = finishedAt;
  }
}
