package io.illm.lab.operator.judge;

import io.illm.lab.model.Better;
import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.Comparison.Conclusion;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Target against target on every per-target metric that says which direction is better: the Welch
 * interval of the difference of the two means, and what it allows one to say.
 */
public final class Comparisons {

  private Comparisons() {}

  /**
   * One comparison per metric (in the given order) with {@code better} set and {@code perTarget}
   * true, and per pair of the targets that have a sample of it (by name: a before b); a sample
   * without values (empty, or its query failed) makes its comparisons insufficient.
   */
  public static List<Comparison> of(List<MetricResult> metrics) {
    List<Comparison> comparisons = new ArrayList<>();
    for (MetricResult metric : metrics) {
      Better better = Better.fromValue(metric.better());
      if (better == null || !metric.perTarget()) {
        continue;
      }
      List<String> names = List.copyOf(names(metric));
      for (int i = 0; i < names.size(); i++) {
        for (int j = i + 1; j < names.size(); j++) {
          comparisons.add(
              compare(
                  metric.name(),
                  better,
                  names.get(i),
                  values(metric, names.get(i)),
                  names.get(j),
                  values(metric, names.get(j))));
        }
      }
    }
    return comparisons;
  }

  /**
   * Compares {@code a} with {@code b}: significant when the interval of mean(a) − mean(b) excludes
   * zero (then {@code better} names the target in the metric's better direction), no significant
   * difference when it contains zero, insufficient when either side has fewer than two values.
   */
  public static Comparison compare(
      String metric, Better better, String a, double[] valuesA, String b, double[] valuesB) {
    Double difference =
        valuesA.length == 0 || valuesB.length == 0
            ? null
            : Statistics.mean(valuesA) - Statistics.mean(valuesB);
    Interval interval = Statistics.differenceInterval(valuesA, valuesB);
    if (interval == null) {
      return new Comparison(
          metric, a, b, difference, null, null, null, Conclusion.INSUFFICIENT, null);
    }
    if (!interval.excludesZero()) {
      return new Comparison(
          metric,
          a,
          b,
          difference,
          interval.low(),
          interval.high(),
          Statistics.CONFIDENCE,
          Conclusion.NO_SIGNIFICANT_DIFFERENCE,
          null);
    }
    boolean aIsLower = interval.high() < 0;
    String winner = (better == Better.LOWER) == aIsLower ? a : b;
    return new Comparison(
        metric,
        a,
        b,
        difference,
        interval.low(),
        interval.high(),
        Statistics.CONFIDENCE,
        Conclusion.SIGNIFICANT,
        winner);
  }

  private static SortedSet<String> names(MetricResult metric) {
    SortedSet<String> names = new TreeSet<>();
    metric.samples().stream().map(Sample::target).filter(Objects::nonNull).forEach(names::add);
    return names;
  }

  private static double[] values(MetricResult metric, String target) {
    Sample sample = metric.sample(target);
    return sample == null || sample.outcome() == MetricResult.Outcome.ERROR
        ? new double[0]
        : Statistics.finite(sample.values());
  }
}
