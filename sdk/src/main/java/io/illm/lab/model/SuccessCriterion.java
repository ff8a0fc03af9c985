package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A machine-checked condition on a metric: a target's measured value compared with a threshold
 * ({@code value}), or with another target's ({@code than}, times {@code factor}).
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A machine-checked condition on a metric: a target's measured value compared with a threshold (value), or with another target's (than, times factor).")
@JsonPropertyOrder({"metric", "operator", "value", "target", "factor", "than"})
@ValidationRule(
    value = "has(self.value) != has(self.than)",
    message = "set exactly one of value (a threshold) and than (a target to compare with)")
@ValidationRule(
    value = "!has(self.than) || (has(self.target) && self.target != self.than)",
    message =
        "a criterion with than compares its target with another target: set target to a different target")
@ValidationRule(
    value = "!has(self.factor) || has(self.than)",
    message = "factor applies to a criterion with than only")
@ValidationRule(
    value = "!has(self.factor) || self.factor > 0.0",
    message = "factor must be greater than 0")
@EqualsAndHashCode
@ToString
public class SuccessCriterion {

  @Required
  @Pattern("^[a-z][a-z0-9_]*$")
  @Size(max = 63)
  @JsonPropertyDescription("Name of a metric in metrics.queries.")
  private String metric;

  @Required
  @JsonPropertyDescription(
      "lt, lte, gt or gte: measured value OPERATOR value, or target's value OPERATOR factor x than's value.")
  private ComparisonOperator operator;

  @JsonPropertyDescription(
      "The threshold, in the metric's unit. Exactly one of value and than is set.")
  private Double value;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  @JsonPropertyDescription(
      "Judge this target's value only (for perTarget metrics); with than, the target compared. Default: every target's value must hold.")
  private String target;

  @JsonPropertyDescription(
      "With than: the multiple of than's value the target is compared with, e.g. 0.8 for 'at most 0.8 x'. Default: 1.")
  private Double factor;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  @JsonPropertyDescription(
      "Another target of the experiment: the criterion compares target's value with factor x this target's, judged on the 95% interval of the difference (perTarget metrics, at least 2 repetitions). Exactly one of value and than is set.")
  private String than;

  @JsonPropertyDescription("Why this threshold.")
  private String description;

  public SuccessCriterion() {}

  public SuccessCriterion(
      String metric, ComparisonOperator operator, Double value, String target, String description) {
    this(metric, operator, value, target, null, null, description);
  }

  /** A criterion in full; a comparative one has {@code than} set and no {@code value}. */
  public SuccessCriterion(
      String metric,
      ComparisonOperator operator,
      Double value,
      String target,
      Double factor,
      String than,
      String description) {
    this.metric = metric;
    this.operator = operator;
    this.value = value;
    this.target = target;
    this.factor = factor;
    this.than = than;
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

  public Double getFactor() {
    return factor;
  }

  public void setFactor(Double factor) {
    this.factor = factor;
  }

  public String getThan() {
    return than;
  }

  public void setThan(String than) {
    this.than = than;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
