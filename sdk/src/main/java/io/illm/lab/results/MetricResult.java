package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One metric of the experiment (one {@code spec.metrics.queries[]} entry, or a default query) and
 * what its query returned: one {@link Sample} per target for a per-target metric, else a single
 * sample for the whole experiment.
 *
 * @param name the query's name, unique in the experiment
 * @param type instant or range
 * @param unit display unit, e.g. bytes
 * @param description the chart title
 * @param group the group the metric belongs to
 * @param perTarget true when the query ran once per target
 * @param onEmpty what an empty result means: fail, insufficient or zero
 * @param better which direction is better for comparisons: lower or higher (null: not comparable)
 * @param samples the results, ordered by target name (experiment-wide first)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "name",
  "type",
  "unit",
  "description",
  "group",
  "perTarget",
  "onEmpty",
  "better",
  "samples"
})
public record MetricResult(
    String name,
    String type,
    String unit,
    String description,
    String group,
    boolean perTarget,
    String onEmpty,
    String better,
    List<Sample> samples) {

  public MetricResult {
    samples = samples == null ? List.of() : List.copyOf(samples);
  }

  /** The sample of {@code target} (null: the experiment-wide one), or null. */
  public Sample sample(String target) {
    return samples.stream()
        .filter(s -> java.util.Objects.equals(s.target(), target))
        .findFirst()
        .orElse(null);
  }

  /**
   * The result of a metric's query for one target (or the whole experiment).
   *
   * @param target the target name; null for an experiment-wide query
   * @param query the PromQL as sent, with $EXPERIMENT, $NAMESPACE and $DURATION replaced
   * @param outcome ok, empty (no data; see the metric's onEmpty) or error
   * @param error the query error as the server or client gave it, when outcome is error
   * @param series the series returned, ordered by their labels
   * @param values one value per repetition window: the instant value, or the mean of the range,
   *     summed over series (empty when there was no data)
   * @param stats statistics over {@code values}
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"target", "query", "outcome", "error", "series", "values", "stats"})
  public record Sample(
      String target,
      String query,
      Outcome outcome,
      String error,
      List<Series> series,
      List<Double> values,
      Stats stats) {
    public Sample {
      series = series == null ? List.of() : List.copyOf(series);
      values = values == null ? List.of() : List.copyOf(values);
    }
  }

  /** How a query ended. */
  public enum Outcome {
    @com.fasterxml.jackson.annotation.JsonProperty("ok")
    OK,
    @com.fasterxml.jackson.annotation.JsonProperty("empty")
    EMPTY,
    @com.fasterxml.jackson.annotation.JsonProperty("error")
    ERROR
  }

  /**
   * One time series.
   *
   * @param labels the series' labels, sorted by name
   * @param points the points, by time; an instant query has one
   */
  @JsonPropertyOrder({"labels", "points"})
  public record Series(java.util.SortedMap<String, String> labels, List<Point> points) {
    public Series {
      labels = labels == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(labels);
      points = points == null ? List.of() : List.copyOf(points);
    }
  }

  /**
   * A value at a time.
   *
   * @param t seconds since the epoch (Prometheus' own unit; may have a fraction)
   * @param v the value; NaN and infinities are never stored
   */
  @JsonPropertyOrder({"t", "v"})
  public record Point(double t, double v) {}
}
