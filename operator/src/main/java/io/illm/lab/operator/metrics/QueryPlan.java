package io.illm.lab.operator.metrics;

import io.illm.lab.model.Durations;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.results.Summary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The queries one collection sends: every metric of the spec (or {@link DefaultQueries}), once for
 * the experiment or once per target, in each repetition window, with the variables replaced.
 *
 * <p>Variables (plain text replacement, everywhere in the query):
 *
 * <ul>
 *   <li>{@code $EXPERIMENT}: the experiment's name;
 *   <li>{@code $NAMESPACE}: the namespace the experiment's components run in, on every target and
 *       the hub alike: the experiment's name (ArgoCD deploys every component there). The original
 *       meant the CR's namespace on the hub and the experiment's name on targets;
 *   <li>{@code $DURATION}: the length of one window as a Prometheus duration ({@code 5m30s});
 *   <li>{@code $TARGET}, {@code $CLUSTER} (per-target queries only): the target's name and its
 *       cluster's name (the Crossplane claim, {@code hub} for hub targets), which the series carry
 *       as labels when a hub Prometheus holds every target's series. A query that is not per target
 *       and names them is not sent; its sample records why.
 * </ul>
 *
 * <p>Windows: the measurement window is cut into {@code repetitions} equal consecutive windows of
 * whole seconds (at least one second), aligned on the window's end; the remainder of the division
 * is left out at the start, where the load is warming up.
 *
 * @param experiment the experiment's name
 * @param start the measurement window's start as given
 * @param end the measurement window's end as given
 * @param windows the repetition windows, oldest first
 * @param step the resolution of range queries ({@link #step(Duration)} of one window)
 * @param metrics the metrics in spec order, each with its samples
 */
public record QueryPlan(
    String experiment,
    Instant start,
    Instant end,
    List<Window> windows,
    Duration step,
    List<PlannedMetric> metrics) {

  /** The variables a query may use. */
  public static final List<String> VARIABLES =
      List.of("$EXPERIMENT", "$NAMESPACE", "$DURATION", "$TARGET", "$CLUSTER");

  public QueryPlan {
    windows = List.copyOf(windows);
    metrics = List.copyOf(metrics);
  }

  /**
   * One repetition window.
   *
   * @param index 0 for the oldest
   * @param start inclusive
   * @param end inclusive for the last window, exclusive for the others (their end is the next's
   *     start)
   */
  public record Window(int index, Instant start, Instant end) {
    /** The window's length. */
    public Duration length() {
      return Duration.between(start, end);
    }
  }

  /**
   * One metric with its defaults applied.
   *
   * @param name the metric's name
   * @param type instant or range (default instant)
   * @param unit display unit, or null
   * @param description the chart title, or null
   * @param group the metric's group, or null
   * @param perTarget true when it runs once per target
   * @param onEmpty the query's rule, else the spec's, else insufficient
   * @param samples one per target (ordered by name) or one for the experiment (target null)
   */
  public record PlannedMetric(
      String name,
      QueryType type,
      String unit,
      String description,
      String group,
      boolean perTarget,
      EmptyResult onEmpty,
      List<PlannedSample> samples) {
    public PlannedMetric {
      samples = List.copyOf(samples);
    }
  }

  /**
   * One query to send in every window.
   *
   * @param target the target's name, or null for the experiment
   * @param query the PromQL with the variables replaced
   * @param problem why the query cannot be sent (then it is not), or null
   */
  public record PlannedSample(String target, String query, String problem) {}

  /**
   * The plan for {@code spec}'s metrics over {@code [start, end]} cut into {@code repetitions}
   * windows.
   *
   * @throws IllegalArgumentException when {@code repetitions} is below 1 or end is before start
   */
  public static QueryPlan of(
      String experiment, ExperimentSpec spec, Instant start, Instant end, int repetitions) {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be at least 1, was " + repetitions);
    }
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(
          "the window ends (" + end + ") before it starts (" + start + ")");
    }
    List<Window> windows = windows(start, end, repetitions);
    Duration length = windows.get(0).length();
    MetricsSpec metrics = spec.getMetrics();
    List<MetricQuery> queries =
        metrics == null || metrics.getQueries() == null || metrics.getQueries().isEmpty()
            ? DefaultQueries.all()
            : metrics.getQueries();
    EmptyResult specRule =
        metrics == null || metrics.getOnEmpty() == null
            ? EmptyResult.INSUFFICIENT
            : metrics.getOnEmpty();
    List<Target> targets =
        spec.getTargets() == null
            ? List.of()
            : spec.getTargets().stream()
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(Target::getName))
                .toList();
    List<PlannedMetric> planned = new ArrayList<>();
    for (MetricQuery q : queries) {
      boolean perTarget = Boolean.TRUE.equals(q.getPerTarget());
      List<PlannedSample> samples = new ArrayList<>();
      if (perTarget) {
        for (Target target : targets) {
          samples.add(
              new PlannedSample(
                  target.getName(),
                  replace(
                      q.getQuery(),
                      experiment,
                      length,
                      target.getName(),
                      cluster(experiment, target)),
                  null));
        }
      } else {
        String query = replace(q.getQuery(), experiment, length, null, null);
        String problem =
            query.contains("$TARGET") || query.contains("$CLUSTER")
                ? "the query uses $TARGET or $CLUSTER, which only per-target queries have (set perTarget: true)"
                : null;
        samples.add(new PlannedSample(null, query, problem));
      }
      planned.add(
          new PlannedMetric(
              q.getName(),
              q.getType() == null ? QueryType.INSTANT : q.getType(),
              q.getUnit(),
              q.getDescription(),
              q.getGroup(),
              perTarget,
              q.getOnEmpty() == null ? specRule : q.getOnEmpty(),
              samples));
    }
    return new QueryPlan(experiment, start, end, windows, step(length), planned);
  }

  /**
   * The resolution of a range query over {@code window}: 15 s under 5 minutes, 60 s under 6 hours,
   * above that the window divided into 360 points, rounded up to a whole minute. The original used
   * 300 s from one hour on, which gives a one-hour run 12 points; this keeps at least 60 points for
   * any window of 15 minutes or more and stays far below Prometheus' 11,000 points per series.
   */
  public static Duration step(Duration window) {
    if (window.compareTo(Duration.ofMinutes(5)) < 0) {
      return Duration.ofSeconds(15);
    }
    if (window.compareTo(Duration.ofHours(6)) < 0) {
      return Duration.ofSeconds(60);
    }
    long perPoint = (window.toSeconds() + 359) / 360;
    return Duration.ofSeconds((perPoint + 59) / 60 * 60);
  }

  /** The window as summary.json records it. */
  public Summary.Window summaryWindow() {
    return new Summary.Window(start.toString(), end.toString(), step.toSeconds(), windows.size());
  }

  /** The number of samples (queries times targets), the denominator of the data coverage. */
  public int sampleCount() {
    return metrics.stream().mapToInt(m -> m.samples().size()).sum();
  }

  private static List<Window> windows(Instant start, Instant end, int repetitions) {
    long seconds = Math.max(1, Duration.between(start, end).toSeconds() / repetitions);
    List<Window> windows = new ArrayList<>();
    for (int i = 0; i < repetitions; i++) {
      Instant windowEnd = end.minusSeconds(seconds * (repetitions - 1 - i));
      windows.add(new Window(i, windowEnd.minusSeconds(seconds), windowEnd));
    }
    return windows;
  }

  private static String cluster(String experiment, Target target) {
    boolean hub = target.getCluster() != null && target.getCluster().getProvider() == Provider.HUB;
    return hub
        ? ExperimentNames.HUB_CLUSTER
        : ExperimentNames.clusterName(experiment, target.getName());
  }

  private static String replace(
      String query, String experiment, Duration window, String target, String cluster) {
    String text =
        query
            .replace("$EXPERIMENT", experiment)
            .replace("$NAMESPACE", experiment)
            .replace("$DURATION", Durations.format(window));
    return target == null ? text : text.replace("$TARGET", target).replace("$CLUSTER", cluster);
  }
}
