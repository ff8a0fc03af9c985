package io.illm.lab.operator.judge;

import io.illm.lab.model.Better;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.Comparison.Conclusion;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The comparisons the spec declares ({@code spec.metrics.comparisons}, ADR-038): each target
 * against its baseline on each metric, the Welch interval of the difference of the two means, and
 * what it allows one to say. Nothing is compared that is not declared.
 */
public final class Comparisons {

  private Comparisons() {}

  /**
   * One comparison per metric (in the given order), declared entry and target (a = the target, b =
   * the baseline), each once. An entry without metrics compares every per-target metric that says
   * which direction is better; without targets, every other target of the spec. A sample without
   * values (empty, or its query failed) makes its comparisons insufficient.
   */
  public static List<Comparison> of(ExperimentSpec spec, List<MetricResult> metrics) {
    List<TargetComparison> declared =
        spec.getMetrics() == null || spec.getMetrics().getComparisons() == null
            ? List.of()
            : spec.getMetrics().getComparisons();
    List<String> targets =
        spec.getTargets() == null
            ? List.of()
            : spec.getTargets().stream()
                .filter(t -> t != null && t.getName() != null)
                .map(Target::getName)
                .toList();
    Map<String, Comparison> made = new LinkedHashMap<>();
    for (MetricResult metric : metrics) {
      if (!metric.perTarget()) {
        continue;
      }
      for (TargetComparison entry : declared) {
        if (entry == null || entry.getBaseline() == null || !compares(entry, metric)) {
          continue;
        }
        for (String target : targets(entry, targets)) {
          made.computeIfAbsent(
              metric.name() + "\n" + target + "\n" + entry.getBaseline(),
              key -> compare(metric, target, entry.getBaseline()));
        }
      }
    }
    return List.copyOf(made.values());
  }

  private static boolean compares(TargetComparison entry, MetricResult metric) {
    return entry.getMetrics() == null || entry.getMetrics().isEmpty()
        ? Better.fromValue(metric.better()) != null
        : entry.getMetrics().contains(metric.name());
  }

  private static List<String> targets(TargetComparison entry, List<String> all) {
    List<String> listed =
        entry.getTargets() == null || entry.getTargets().isEmpty() ? all : entry.getTargets();
    return listed.stream().filter(t -> t != null && !t.equals(entry.getBaseline())).toList();
  }

  private static Comparison compare(MetricResult metric, String target, String baseline) {
    return compare(
        metric.name(),
        Better.fromValue(metric.better()),
        target,
        values(metric, target),
        baseline,
        values(metric, baseline));
  }

  /**
   * Compares {@code a} with {@code b}: significant when the interval of mean(a) − mean(b) excludes
   * zero (then {@code better}, when the metric says which direction is better, names the target in
   * that direction), no significant difference when it contains zero, insufficient when either side
   * has fewer than two values.
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
    String winner = better == null ? null : (better == Better.LOWER) == aIsLower ? a : b;
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

  private static double[] values(MetricResult metric, String target) {
    Sample sample = metric.sample(target);
    return sample == null || sample.outcome() == MetricResult.Outcome.ERROR
        ? new double[0]
        : Statistics.finite(sample.values());
  }
}
