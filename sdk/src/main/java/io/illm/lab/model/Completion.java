package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import java.util.Objects;

/** What ends the Running phase. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("What ends the Running phase.")
@JsonPropertyOrder({"mode"})
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

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Completion)) return false;
    Completion that = (Completion) o;
    return Objects.equals(mode, that.mode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(mode);
  }

  @Override
  public String toString() {
    return "Completion{" + "mode=" + mode + "}";
  }
}
