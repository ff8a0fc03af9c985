package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A PromQL query collected at the end of the run. $EXPERIMENT, $NAMESPACE and $DURATION are
 * replaced before it runs.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A PromQL query collected at the end of the run. $EXPERIMENT, $NAMESPACE and $DURATION are replaced before it runs.")
@JsonPropertyOrder({"name", "query", "type"})
@EqualsAndHashCode
@ToString
public class MetricQuery {

  @Required
  @Pattern("^[a-z][a-z0-9_]*$")
  @Size(min = 1, max = 63)
  @JsonPropertyDescription("Metric name, unique in the experiment; the key in results.")
  private String name;

  @Required
  @Size(min = 1, max = 8192)
  @JsonPropertyDescription(
      "PromQL. $EXPERIMENT is the experiment name, $NAMESPACE the namespace its components run in, $DURATION the measurement window (e.g. 30m).")
  private String query;

  @JsonPropertyDescription(
      "instant (one value per series) or range (values over the window). Default: instant.")
  private QueryType type;

  @Size(max = 32)
  @JsonPropertyDescription("Unit of the values, for display, e.g. bytes, seconds, cores, req/s, %.")
  private String unit;

  @JsonPropertyDescription("What the metric shows; the chart title.")
  private String description;

  @Pattern("^[a-z0-9]([-a-z0-9_]*[a-z0-9])?$")
  @JsonPropertyDescription("Label grouping related metrics in results and charts.")
  private String group;

  @JsonPropertyDescription(
      "Run the query once per target (against each target's metrics) instead of once for the experiment. Default: false.")
  private Boolean perTarget;

  @JsonPropertyDescription(
      "What an empty result means: fail, insufficient or zero. Default: metrics.onEmpty.")
  private EmptyResult onEmpty;

  @JsonPropertyDescription(
      "Which direction is better when targets are compared on this metric: lower (e.g. latency, memory) or higher (e.g. throughput). Only perTarget metrics are compared. Default: not compared.")
  private Better better;

  public MetricQuery() {}

  public MetricQuery(
      String name,
      String query,
      QueryType type,
      String unit,
      String description,
      String group,
      Boolean perTarget,
      EmptyResult onEmpty) {
    this(name, query, type, unit, description, group, perTarget, onEmpty, null);
  }

  public MetricQuery(
      String name,
      String query,
      QueryType type,
      String unit,
      String description,
      String group,
      Boolean perTarget,
      EmptyResult onEmpty,
      Better better) {
    this.name = name;
    this.query = query;
    this.type = type;
    this.unit = unit;
    this.description = description;
    this.group = group;
    this.perTarget = perTarget;
    this.onEmpty = onEmpty;
    this.better = better;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public QueryType getType() {
    return type;
  }

  public void setType(QueryType type) {
    this.type = type;
  }

  public String getUnit() {
    return unit;
  }

  public void setUnit(String unit) {
    this.unit = unit;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getGroup() {
    return group;
  }

  public void setGroup(String group) {
    this.group = group;
  }

  public Boolean getPerTarget() {
    return perTarget;
  }

  public void setPerTarget(Boolean perTarget) {
    this.perTarget = perTarget;
  }

  public EmptyResult getOnEmpty() {
    return onEmpty;
  }

  public void setOnEmpty(EmptyResult onEmpty) {
    this.onEmpty = onEmpty;
  }

  public Better getBetter() {
    return better;
  }

  public void setBetter(Better better) {
    this.better = better;
  }
}
