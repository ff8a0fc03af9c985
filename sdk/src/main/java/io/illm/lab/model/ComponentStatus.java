package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

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
@EqualsAndHashCode
@ToString
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
}
