package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A machine-checked condition on a metric: the measured value compared with a threshold. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A machine-checked condition on a metric: the measured value compared with a threshold.")
@JsonPropertyOrder({"metric", "operator", "value"})
@EqualsAndHashCode
@ToString
public class SuccessCriterion {

  @Required
  @Pattern("^[a-z][a-z0-9_]*$")
  @JsonPropertyDescription("Name of a metric in metrics.queries.")
  private String metric;

  @Required
  @JsonPropertyDescription("lt, lte, gt or gte: measured value OPERATOR value.")
  private ComparisonOperator operator;

  @Required
  @JsonPropertyDescription("The threshold, in the metric's unit.")
  private Double value;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription(
      "Judge this target's value only (for perTarget metrics). Default: every target's value must hold.")
  private String target;

  @JsonPropertyDescription("Why this threshold.")
  private String description;

  public SuccessCriterion() {}

  public SuccessCriterion(
      String metric, ComparisonOperator operator, Double value, String target, String description) {
    this.metric = metric;
    this.operator = operator;
    this.value = value;
    this.target = target;
    this.description = description;
  }

  public String getMetric() {
    return metric;
  }

  public void setMetric(String metric) {
    this.metric = metric;
  }

  public ComparisonOperator getOperator() {
    return operator;
  }

  public void setOperator(ComparisonOperator operator) {
    this.operator = operator;
  }

  public Double getValue() {
    return value;
  }

  public void setValue(Double value) {
    this.value = value;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
