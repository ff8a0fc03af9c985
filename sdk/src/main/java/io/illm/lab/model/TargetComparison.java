package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * Targets compared with a baseline target on per-target metrics: the results report the difference
 * of each target's mean from the baseline's, with its 95% interval.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "Targets compared with a baseline target on per-target metrics: the results report the difference of each target's mean from the baseline's, with its 95% interval.")
@JsonPropertyOrder({"baseline", "targets", "metrics"})
@ValidationRule(
    value = "!has(self.targets) || self.targets.all(t, t != self.baseline)",
    message =
        "a comparison's targets are compared with its baseline: leave the baseline out of targets")
@EqualsAndHashCode
@ToString
public class TargetComparison {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(max = 63)
  @JsonPropertyDescription("The target the others are compared with.")
  private String baseline;

  @Size(max = 16)
  @JsonPropertyDescription(
      "The targets compared with the baseline. Default: every other target of the experiment.")
  private List<String> targets;

  @Size(max = 32)
  @JsonPropertyDescription(
      "The per-target metrics compared. Default: every per-target metric that says which direction is better.")
  private List<String> metrics;

  public TargetComparison() {}

  public TargetComparison(String baseline, List<String> targets, List<String> metrics) {
    this.baseline = baseline;
    this.targets = targets;
    this.metrics = metrics;
  }

  public String getBaseline() {
    return baseline;
  }

  public void setBaseline(String baseline) {
    this.baseline = baseline;
  }

  public List<String> getTargets() {
    return targets;
  }

  public void setTargets(List<String> targets) {
    this.targets = targets;
  }

  public List<String> getMetrics() {
    return metrics;
  }

  public void setMetrics(List<String> metrics) {
    this.metrics = metrics;
  }
}
