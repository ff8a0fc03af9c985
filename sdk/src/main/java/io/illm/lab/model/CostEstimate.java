package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** What the experiment costs, in US dollars. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("What the experiment costs, in US dollars.")
@JsonPropertyOrder({"estimatedUSD", "actualUSD"})
@EqualsAndHashCode
@ToString
public class CostEstimate {

  @JsonPropertyDescription("Estimate before the run, from the price table and the deadlines.")
  private Double estimatedUSD;

  @JsonPropertyDescription("Cost of the time the clusters actually lived.")
  private Double actualUSD;

  @JsonPropertyDescription("Cost per hour of all clusters together.")
  private Double hourlyUSD;

  @JsonPropertyDescription("Which price table (date and source) the numbers come from.")
  private String priceTable;

  public CostEstimate() {}

  public CostEstimate(Double estimatedUSD, Double actualUSD, Double hourlyUSD, String priceTable) {
    this.estimatedUSD = estimatedUSD;
    this.actualUSD = actualUSD;
    this.hourlyUSD = hourlyUSD;
    this.priceTable = priceTable;
  }

  public Double getEstimatedUSD() {
    return estimatedUSD;
  }

  public void setEstimatedUSD(Double estimatedUSD) {
    this.estimatedUSD = estimatedUSD;
  }

  public Double getActualUSD() {
    return actualUSD;
  }

  public void setActualUSD(Double actualUSD) {
    this.actualUSD = actualUSD;
  }

  public Double getHourlyUSD() {
    return hourlyUSD;
  }

  public void setHourlyUSD(Double hourlyUSD) {
    this.hourlyUSD = hourlyUSD;
  }

  public String getPriceTable() {
    return priceTable;
  }

  public void setPriceTable(String priceTable) {
    this.priceTable = priceTable;
  }
}
