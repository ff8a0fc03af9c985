package io.illm.lab.operator.metrics;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.QueryType;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Folds the answers of one query in every repetition window into a {@link Sample}, and applies the
 * metric's empty-result rule.
 *
 * <p>One value per window: an instant query's value is the <b>sum over its series</b> (one point
 * each); a range query's is the <b>mean over time of the summed series</b> (the series are added
 * point by point at each timestamp, over the series present at it, and the sums averaged). A window
 * without data gives 0 under {@code onEmpty: zero} and no value otherwise. The outcome is {@code
 * error} when any window's query failed (the first error, with its window when there are several),
 * else {@code ok} when any window had data, else {@code empty}. Stats stay null: the judge computes
 * them.
 */
public final class Samples {

  private Samples() {}

  public static Sample of(PlannedMetric metric, PlannedSample planned, List<Answer> windows) {
    if (planned.problem() != null) {
      return new Sample(
          planned.target(),
          planned.query(),
          Outcome.ERROR,
          planned.problem(),
          List.of(),
          List.of(),
          null);
    }
    String error = null;
    boolean data = false;
    List<Double> values = new ArrayList<>();
    Map<SortedMap<String, String>, TreeMap<Double, Point>> merged =
        new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (int i = 0; i < windows.size(); i++) {
      Answer answer = windows.get(i);
      if (!answer.ok()) {
        if (error == null) {
          error =
              (windows.size() > 1 ? "window " + (i + 1) + " of " + windows.size() + ": " : "")
                  + answer.error();
        }
        continue;
      }
      for (Series s : answer.series()) {
        TreeMap<Double, Point> points = merged.computeIfAbsent(s.labels(), k -> new TreeMap<>());
        s.points().forEach(p -> points.put(p.t(), p));
      }
      if (answer.hasData()) {
        data = true;
        values.add(
            metric.type() == QueryType.RANGE ? meanOfSum(answer.series()) : sum(answer.series()));
      } else if (metric.onEmpty() == EmptyResult.ZERO) {
        values.add(0.0);
      }
    }
    List<Series> series = new ArrayList<>();
    merged.forEach(
        (labels, points) -> series.add(new Series(labels, new ArrayList<>(points.values()))));
    Outcome outcome = error != null ? Outcome.ERROR : data ? Outcome.OK : Outcome.EMPTY;
    return new Sample(planned.target(), planned.query(), outcome, error, series, values, null);
  }

  /**
   * True when the sample counts as data for the quality gate: ok, or empty where empty means zero.
   */
  public static boolean covered(Sample sample, EmptyResult rule) {
    return sample.outcome() == Outcome.OK
        || (sample.outcome() == Outcome.EMPTY && rule == EmptyResult.ZERO);
  }

  private static double sum(List<Series> series) {
    double total = 0;
    for (Series s : series) {
      for (Point p : s.points()) {
        total += p.v();
      }
    }
    return total;
  }

  private static double meanOfSum(List<Series> series) {
    TreeMap<Double, Double> sums = new TreeMap<>();
    for (Series s : series) {
      for (Point p : s.points()) {
        sums.merge(p.t(), p.v(), Double::sum);
      }
    }
    return sums.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
