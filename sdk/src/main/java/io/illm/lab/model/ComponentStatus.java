package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sundr.builder.annotations.Buildable;
import java.util.Objects;

/**
 * The observed state of a component. Components are catalogue entries: nothing reconciles them yet,
 * so this stays empty.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "The observed state of a component. Components are catalogue entries: nothing reconciles them yet, so this stays empty.")
public class ComponentStatus {

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  public ComponentStatus() {}

  public ComponentStatus(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof ComponentStatus)) return false;
    ComponentStatus that = (ComponentStatus) o;
    return Objects.equals(observedGeneration, that.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(observedGeneration);
  }

  @Override
  public String toString() {
    return "ComponentStatus{" + "observedGeneration=" + observedGeneration + "}";
  }
}
