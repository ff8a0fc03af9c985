package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The hypothesis' success criteria: each names an existing metric and target, and is either a
 * threshold ({@code value}) or a comparison with another target ({@code than}, times {@code
 * factor}) on a per-target metric with at least two repetition windows.
 */
final class CriteriaRules {

  /** The fewest repetition windows per target an interval of a difference can be made from. */
  static final int MIN_WINDOWS = 2;

  private final ExperimentSpec spec;
  private final List<Problem> problems;
  private final Map<String, Boolean> perTarget = new TreeMap<>();
  private final Set<String> targets = new TreeSet<>();

  CriteriaRules(ExperimentSpec spec, List<Problem> problems) {
    this.spec = spec;
    this.problems = problems;
    if (spec.getMetrics() != null && spec.getMetrics().getQueries() != null) {
      for (MetricQuery query : spec.getMetrics().getQueries()) {
        if (query != null && query.getName() != null) {
          perTarget.putIfAbsent(query.getName(), Boolean.TRUE.equals(query.getPerTarget()));
        }
      }
    }
    if (spec.getTargets() != null) {
      spec.getTargets().stream()
          .filter(t -> t != null && t.getName() != null)
          .map(Target::getName)
          .forEach(targets::add);
    }
  }

  /** Every criterion; then, once, whether comparative ones have the windows they need. */
  void check() {
    if (spec.getHypothesis() == null || spec.getHypothesis().getSuccessCriteria() == null) {
      return;
    }
    List<SuccessCriterion> criteria = spec.getHypothesis().getSuccessCriteria();
    String firstComparative = null;
    for (int i = 0; i < criteria.size(); i++) {
      SuccessCriterion criterion = criteria.get(i);
      if (criterion == null) {
        continue;
      }
      String path = "spec.hypothesis.successCriteria[" + i + "]";
      checkNames(path, criterion);
      checkKind(path, criterion);
      if (criterion.getThan() != null) {
        checkComparative(path, criterion);
        firstComparative = firstComparative == null ? path : firstComparative;
      }
    }
    if (firstComparative != null) {
      checkWindows(firstComparative);
    }
  }

  /** Twin of CEL "successCriteria[].metric must name a metric in metrics.queries"; targets. */
  private void checkNames(String path, SuccessCriterion criterion) {
    if (criterion.getMetric() != null && !perTarget.containsKey(criterion.getMetric())) {
      problems.add(
          Problems.error(
              path + ".metric",
              "successCriteria[].metric must name a metric in metrics.queries: unknown metric "
                  + Names.quote(criterion.getMetric()),
              perTarget.isEmpty()
                  ? "add the query to spec.metrics.queries"
                  : Names.suggest(criterion.getMetric(), perTarget.keySet(), "metrics")));
    }
    if (criterion.getTarget() != null && !targets.contains(criterion.getTarget())) {
      problems.add(
          Problems.error(
              path + ".target",
              "successCriteria[].target must name a target of this experiment: unknown target "
                  + Names.quote(criterion.getTarget()),
              Names.suggest(criterion.getTarget(), targets, "targets")));
    }
    if (criterion.getThan() != null && !targets.contains(criterion.getThan())) {
      problems.add(
          Problems.error(
              path + ".than",
              "successCriteria[].than must name a target of this experiment: unknown target "
                  + Names.quote(criterion.getThan()),
              Names.suggest(criterion.getThan(), targets, "targets")));
    }
  }

  /** Twins of CEL "set exactly one of value ... and than ..." and the factor rules. */
  private void checkKind(String path, SuccessCriterion criterion) {
    if ((criterion.getValue() == null) == (criterion.getThan() == null)) {
      problems.add(
          Problems.error(
              path,
              "set exactly one of value (a threshold) and than (a target to compare with)",
              "value: 512 compares the mean with a number; than: prom compares it with target"
                  + " prom's"));
    }
    if (criterion.getValue() != null && !Double.isFinite(criterion.getValue())) {
      problems.add(
          Problems.error(path + ".value", "not a finite number", "use a finite decimal number"));
    }
    Double factor = criterion.getFactor();
    if (factor != null && criterion.getThan() == null) {
      problems.add(
          Problems.error(
              path + ".factor",
              "factor applies to a criterion with than only",
              "remove factor, or name the target to compare with in than"));
    } else if (factor != null && !(factor > 0 && Double.isFinite(factor))) {
      problems.add(
          Problems.error(
              path + ".factor",
              "factor must be greater than 0",
              "e.g. 0.8: the target's value at most 0.8 x than's"));
    }
  }

  /** Twin of CEL "a criterion with than compares its target with another target"; perTarget. */
  private void checkComparative(String path, SuccessCriterion criterion) {
    if (criterion.getTarget() == null || criterion.getTarget().equals(criterion.getThan())) {
      problems.add(
          Problems.error(
              path + ".target",
              "a criterion with than compares its target with another target: set target to a"
                  + " different target",
              "target: the target judged, than: the target it is compared with"));
    }
    // a metric that did not bind (a map where a name belongs) is reported at its path already
    Boolean metricPerTarget =
        criterion.getMetric() == null ? null : perTarget.get(criterion.getMetric());
    if (Boolean.FALSE.equals(metricPerTarget)) {
      problems.add(
          Problems.error(
              path + ".metric",
              "metric "
                  + Names.quote(criterion.getMetric())
                  + " runs once for the experiment, so no targets can be compared on it",
              "set perTarget: true on the metric"));
    }
  }

  /** A difference between targets needs an interval, which needs two windows per target. */
  private void checkWindows(String firstComparative) {
    Integer repetitions = spec.getMetrics() == null ? null : spec.getMetrics().getRepetitions();
    int windows = repetitions == null ? 1 : repetitions;
    if (windows < MIN_WINDOWS) {
      problems.add(
          Problems.error(
              "spec.metrics.repetitions",
              firstComparative
                  + " compares targets, which needs at least "
                  + MIN_WINDOWS
                  + " repetition windows (one value each), but there "
                  + (windows == 1 ? "is 1" : "are " + windows),
              "set spec.metrics.repetitions to 2 or more; 5 or more find a 10% difference"
                  + " (docs/judgment.md)"));
    }
  }
}
