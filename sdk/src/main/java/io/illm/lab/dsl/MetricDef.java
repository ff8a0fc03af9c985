package io.illm.lab.dsl;

import io.illm.lab.model.Better;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.QueryType;

/** A PromQL query collected at the end of the run; made with {@link Lab#metric}. */
public final class MetricDef {

  private final String name;
  private String query;
  private QueryType type;
  private String unit;
  private String description;
  private String group;
  private Boolean perTarget;
  private EmptyResult onEmpty;
  private Better better;

  MetricDef(String name) {
    this.name = name;
  }

  /**
   * The PromQL; required. {@code $EXPERIMENT}, {@code $NAMESPACE} and {@code $DURATION} are
   * replaced before it runs.
   *
   * <p>Default: none; {@code build()} reports a metric without a query.
   */
  public MetricDef promql(String query) {
    this.query = query;
    return this;
  }

  /**
   * A range query: values over the measurement window.
   *
   * <p>Default: instant (one value per series).
   */
  public MetricDef range() {
    return type(QueryType.RANGE);
  }

  /**
   * An instant query, said explicitly.
   *
   * <p>Default: instant.
   */
  public MetricDef instant() {
    return type(QueryType.INSTANT);
  }

  /**
   * The query type.
   *
   * <p>Default: instant.
   */
  public MetricDef type(QueryType type) {
    this.type = type;
    return this;
  }

  /**
   * Unit of the values, for display.
   *
   * <p>Default: no unit.
   */
  public MetricDef unit(Unit unit) {
    return unit(unit.value());
  }

  /**
   * Unit of the values as text, for units {@link Unit} lacks.
   *
   * <p>Default: no unit.
   */
  public MetricDef unit(String unit) {
    this.unit = unit;
    return this;
  }

  /**
   * What the metric shows; the chart title.
   *
   * <p>Default: no description (the name is shown).
   */
  public MetricDef describe(String description) {
    this.description = description;
    return this;
  }

  /**
   * A label grouping related metrics in results and charts.
   *
   * <p>Default: ungrouped.
   */
  public MetricDef group(String group) {
    this.group = group;
    return this;
  }

  /**
   * Run the query once per target, against each target's metrics.
   *
   * <p>Default: once for the experiment.
   */
  public MetricDef perTarget() {
    return perTarget(true);
  }

  /**
   * Per target or not, written even when false.
   *
   * <p>Default: false.
   */
  public MetricDef perTarget(boolean perTarget) {
    this.perTarget = perTarget;
    return this;
  }

  /**
   * What an empty result means for this metric.
   *
   * <p>Default: the experiment's {@link ExperimentDef#metricsOnEmpty}, itself insufficient.
   */
  public MetricDef onEmpty(EmptyResult onEmpty) {
    this.onEmpty = onEmpty;
    return this;
  }

  /**
   * Smaller values are better (latency, memory): targets are compared on this metric and the lower
   * one is named better when the difference is significant. Only per-target metrics are compared.
   *
   * <p>Default: not compared.
   */
  public MetricDef lowerIsBetter() {
    return better(Better.LOWER);
  }

  /**
   * Larger values are better (throughput): targets are compared on this metric and the higher one
   * is named better when the difference is significant. Only per-target metrics are compared.
   *
   * <p>Default: not compared.
   */
  public MetricDef higherIsBetter() {
    return better(Better.HIGHER);
  }

  /**
   * Which direction is better when targets are compared on this metric.
   *
   * <p>Default: not compared.
   */
  public MetricDef better(Better better) {
    this.better = better;
    return this;
  }

  MetricQuery query() {
    return new MetricQuery(name, query, type, unit, description, group, perTarget, onEmpty, better);
  }
}
