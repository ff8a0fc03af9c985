package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** What ends the Running phase. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("What ends the Running phase.")
@JsonPropertyOrder({"mode"})
@EqualsAndHashCode
@ToString
public class Completion {

  @Required
  @JsonPropertyDescription(
      "workflow: the workflow's end; manual: the complete annotation (experiments.illm.io/complete) or the running deadline.")
  private CompletionMode mode;

  public Completion() {}

  public Completion(CompletionMode mode) {
    this.mode = mode;
  }

  public CompletionMode getMode() {
    return mode;
  }

  public void setMode(CompletionMode mode) {
    this.mode = mode;
  }
}
