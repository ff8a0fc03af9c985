package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The metrics collected at the end of the run. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("The metrics collected at the end of the run.")
@JsonPropertyOrder({"queries"})
@ValidationRule(
    value =
        "!has(self.queries) || self.queries.all(q, self.queries.exists_one(r, r.name == q.name))",
    message = "metric names must be unique")
@ValidationRule(
    value =
        "!has(self.comparisons) || self.comparisons.all(c, !has(c.metrics) || c.metrics.all(m, has(self.queries) && self.queries.exists(q, q.name == m)))",
    message = "comparisons[].metrics must name metrics in queries")
@EqualsAndHashCode
@ToString
public class MetricsSpec {

  @Size(max = 200)
  @JsonPropertyDescription(
      "The queries. Empty: the default CPU and memory queries (cpu_total, memory_total, cpu_by_pod, memory_by_pod).")
  private List<MetricQuery> queries;

  @JsonPropertyDescription(
      "What an empty result means for queries that do not say: fail, insufficient or zero. Default: insufficient.")
  private EmptyResult onEmpty;

  @Min(1)
  @Max(20)
  @JsonPropertyDescription(
      "Cut the measurement window into this many equal consecutive windows and take one value per window, so that each metric has n values for its statistics, confidence intervals and comparisons. Default: 1 (the whole window, one value). Range 1-20.")
  private Integer repetitions;

  @Size(max = 16)
  @JsonPropertyDescription(
      "Which targets are compared with which, on which metrics: each entry compares targets with a baseline target. Default: no comparisons.")
  private List<TargetComparison> comparisons;

  public MetricsSpec() {}

  public MetricsSpec(List<MetricQuery> queries, EmptyResult onEmpty) {
    this(queries, onEmpty, null);
  }

  public MetricsSpec(List<MetricQuery> queries, EmptyResult onEmpty, Integer repetitions) {
    this(queries, onEmpty, repetitions, null);
  }

  public MetricsSpec(
      List<MetricQuery> queries,
      EmptyResult onEmpty,
      Integer repetitions,
      List<TargetComparison> comparisons) {
    this.queries = queries;
    this.onEmpty = onEmpty;
    this.repetitions = repetitions;
    this.comparisons = comparisons;
  }

  public List<MetricQuery> getQueries() {
    return queries;
  }

  public void setQueries(List<MetricQuery> queries) {
    this.queries = queries;
  }

  public EmptyResult getOnEmpty() {
    return onEmpty;
  }

  public void setOnEmpty(EmptyResult onEmpty) {
    this.onEmpty = onEmpty;
  }

  public Integer getRepetitions() {
    return repetitions;
  }

  public void setRepetitions(Integer repetitions) {
    this.repetitions = repetitions;
  }

  public List<TargetComparison> getComparisons() {
    return comparisons;
  }

  public void setComparisons(List<TargetComparison> comparisons) {
    this.comparisons = comparisons;
  }
}
