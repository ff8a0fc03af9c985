package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Cleanup per outcome. Cloud resources are always deleted in the end; retain only delays it. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "Cleanup per outcome. Cloud resources are always deleted in the end; retain only delays it.")
@JsonPropertyOrder({"onComplete", "onFailure"})
@EqualsAndHashCode
@ToString
public class CleanupPolicy {

  @JsonPropertyDescription("After Complete. Default: delete.")
  private CleanupRule onComplete;

  @JsonPropertyDescription("After Failed. Default: delete.")
  private CleanupRule onFailure;

  public CleanupPolicy() {}

  public CleanupPolicy(CleanupRule onComplete, CleanupRule onFailure) {
    this.onComplete = onComplete;
    this.onFailure = onFailure;
  }

  public CleanupRule getOnComplete() {
    return onComplete;
  }

  public void setOnComplete(CleanupRule onComplete) {
    this.onComplete = onComplete;
  }

  public CleanupRule getOnFailure() {
    return onFailure;
  }

  public void setOnFailure(CleanupRule onFailure) {
    this.onFailure = onFailure;
  }
}
