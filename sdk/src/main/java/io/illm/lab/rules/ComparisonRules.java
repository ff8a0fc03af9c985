package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.TargetComparison;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The comparisons an experiment declares ({@code spec.metrics.comparisons}): each names a baseline
 * and other targets of the experiment and per-target metrics; and a metric that says which
 * direction is better is compared somewhere.
 */
final class ComparisonRules {

  private static final String PATH = "spec.metrics.comparisons";

  private final ExperimentSpec spec;
  private final List<Problem> problems;
  private final Map<String, MetricQuery> metrics = new TreeMap<>();
  private final Set<String> targets = new TreeSet<>();

  ComparisonRules(ExperimentSpec spec, List<Problem> problems) {
    this.spec = spec;
    this.problems = problems;
    if (spec.getMetrics() != null && spec.getMetrics().getQueries() != null) {
      spec.getMetrics().getQueries().stream()
          .filter(q -> q != null && q.getName() != null)
          .forEach(q -> metrics.putIfAbsent(q.getName(), q));
    }
    if (spec.getTargets() != null) {
      spec.getTargets().stream()
          .filter(t -> t != null && t.getName() != null)
          .forEach(t -> targets.add(t.getName()));
    }
  }

  void check() {
    List<TargetComparison> comparisons =
        spec.getMetrics() == null ? null : spec.getMetrics().getComparisons();
    if (comparisons == null || comparisons.isEmpty()) {
      betterWithoutComparisons();
      return;
    }
    for (int i = 0; i < comparisons.size(); i++) {
      if (comparisons.get(i) != null) {
        check(PATH + "[" + i + "]", comparisons.get(i));
      }
    }
    Integer repetitions = spec.getMetrics().getRepetitions();
    if (repetitions == null || repetitions < CriteriaRules.MIN_WINDOWS) {
      problems.add(
          Problems.warning(
              PATH,
              "comparisons need at least 2 repetition windows per target; with "
                  + (repetitions == null ? 1 : repetitions)
                  + " every comparison is insufficient",
              "set spec.metrics.repetitions to 2 or more"));
    }
  }

  private void check(String path, TargetComparison comparison) {
    target(path + ".baseline", comparison.getBaseline());
    List<String> compared = comparison.getTargets() == null ? List.of() : comparison.getTargets();
    for (int j = 0; j < compared.size(); j++) {
      String name = compared.get(j);
      target(path + ".targets[" + j + "]", name);
      if (name != null && name.equals(comparison.getBaseline())) {
        problems.add(
            Problems.error(
                path + ".targets[" + j + "]",
                "a comparison's targets are compared with its baseline: leave the baseline out of"
                    + " targets",
                "remove " + Names.quote(name) + " from targets"));
      }
    }
    List<String> named = comparison.getMetrics() == null ? List.of() : comparison.getMetrics();
    for (int j = 0; j < named.size(); j++) {
      metric(path + ".metrics[" + j + "]", named.get(j));
    }
    if (named.isEmpty() && defaultMetrics().isEmpty()) {
      problems.add(
          Problems.warning(
              path,
              "compares nothing: it lists no metrics and no per-target metric says which direction"
                  + " is better",
              "list metrics, or set better on a per-target metric"));
    }
  }

  /** Twin of CEL "metrics.comparisons must name targets of this experiment". */
  private void target(String path, String name) {
    if (name != null && !targets.contains(name)) {
      problems.add(
          Problems.error(
              path,
              "metrics.comparisons must name targets of this experiment: unknown target "
                  + Names.quote(name),
              Names.suggest(name, targets, "targets")));
    }
  }

  /** Twin of CEL "comparisons[].metrics must name metrics in queries"; per target. */
  private void metric(String path, String name) {
    if (name == null) {
      return;
    }
    MetricQuery query = metrics.get(name);
    if (query == null) {
      problems.add(
          Problems.error(
              path,
              "comparisons[].metrics must name metrics in queries: unknown metric "
                  + Names.quote(name),
              Names.suggest(name, metrics.keySet(), "metrics")));
    } else if (!Boolean.TRUE.equals(query.getPerTarget())) {
      problems.add(
          Problems.error(
              path,
              "metric "
                  + Names.quote(name)
                  + " runs once for the experiment, so no targets can be compared on it",
              "set perTarget: true on the metric"));
    }
  }

  /** The metrics a comparison without a list compares: per target, with better. */
  private Set<String> defaultMetrics() {
    Set<String> names = new TreeSet<>();
    metrics.forEach(
        (name, query) -> {
          if (Boolean.TRUE.equals(query.getPerTarget()) && query.getBetter() != null) {
            names.add(name);
          }
        });
    return names;
  }

  /** Targets are compared only where declared: better alone compares nothing (ADR-038). */
  private void betterWithoutComparisons() {
    List<MetricQuery> queries = spec.getMetrics() == null ? null : spec.getMetrics().getQueries();
    for (int i = 0; queries != null && i < queries.size(); i++) {
      MetricQuery query = queries.get(i);
      if (query != null
          && query.getBetter() != null
          && Boolean.TRUE.equals(query.getPerTarget())
          && targets.size() > 1) {
        problems.add(
            Problems.warning(
                "spec.metrics.queries[" + i + "].better",
                "no comparison is declared, so no targets are compared on metric "
                    + Names.quote(query.getName()),
                "declare spec.metrics.comparisons (a baseline target and the targets compared"
                    + " with it), or remove better"));
      }
    }
  }
}
