package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A check that enough metrics have data before results are accepted; failing it re-collects. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A check that enough metrics have data before results are accepted; failing it re-collects.")
@EqualsAndHashCode
@ToString
public class QualityGate {

  @JsonPropertyDescription("Run the gate. Default: true when metrics.queries is not empty.")
  private Boolean enabled;

  @Min(1)
  @Max(5)
  @JsonPropertyDescription("Collections before giving up. Default: 3. Range 1-5.")
  private Integer maxIterations;

  @Min(0)
  @Max(1)
  @JsonPropertyDescription("Share of queries that must return data, 0-1. Default: 0.5.")
  private Double minDataCoverage;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("Wait between collections, e.g. 2m. Default: 2m.")
  private String recollectDelay;

  public QualityGate() {}

  public QualityGate(
      Boolean enabled, Integer maxIterations, Double minDataCoverage, String recollectDelay) {
    this.enabled = enabled;
    this.maxIterations = maxIterations;
    this.minDataCoverage = minDataCoverage;
    this.recollectDelay = recollectDelay;
  }

  public Boolean getEnabled() {
    return enabled;
  }

  public void setEnabled(Boolean enabled) {
    this.enabled = enabled;
  }

  public Integer getMaxIterations() {
    return maxIterations;
  }

  public void setMaxIterations(Integer maxIterations) {
    this.maxIterations = maxIterations;
  }

  public Double getMinDataCoverage() {
    return minDataCoverage;
  }

  public void setMinDataCoverage(Double minDataCoverage) {
    this.minDataCoverage = minDataCoverage;
  }

  public String getRecollectDelay() {
    return recollectDelay;
  }

  public void setRecollectDelay(String recollectDelay) {
    this.recollectDelay = recollectDelay;
  }
}
