package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A spending limit: the operator estimates the cost before it creates anything and stops the
 * experiment when the running cost reaches the limit.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A spending limit: the operator estimates the cost before it creates anything and stops the experiment when the running cost reaches the limit.")
@JsonPropertyOrder({"maxUSD"})
@EqualsAndHashCode
@ToString
public class Budget {

  @Required
  @Min(0)
  @JsonPropertyDescription("The limit in US dollars.")
  private Double maxUSD;

  public Budget() {}

  public Budget(Double maxUSD) {
    this.maxUSD = maxUSD;
  }

  public Double getMaxUSD() {
    return maxUSD;
  }

  public void setMaxUSD(Double maxUSD) {
    this.maxUSD = maxUSD;
  }
}
