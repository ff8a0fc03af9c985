package io.illm.lab.rules;

import io.illm.lab.model.Budget;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.Durations;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An experiment spec's metrics, criteria, cleanup, deadlines and budget. */
final class SpecRules {

  private final ExperimentSpec spec;
  private final List<Problem> problems;
  private final DurationRules durations;

  SpecRules(ExperimentSpec spec, List<Problem> problems) {
    this.spec = spec;
    this.problems = problems;
    this.durations = new DurationRules(problems);
  }

  void check() {
    Set<String> metrics = checkMetricNames();
    checkCriteria(metrics);
    checkCleanup(
        "spec.cleanup.onComplete",
        spec.getCleanup() == null ? null : spec.getCleanup().getOnComplete());
    checkCleanup(
        "spec.cleanup.onFailure",
        spec.getCleanup() == null ? null : spec.getCleanup().getOnFailure());
    checkDeadlines(spec.getDeadlines());
    checkBudget(spec.getBudget());
    if (spec.getQualityGate() != null) {
      duration("spec.qualityGate.recollectDelay", spec.getQualityGate().getRecollectDelay());
    }
  }

  /** Twin of CEL "metric names must be unique"; returns the names. */
  private Set<String> checkMetricNames() {
    Set<String> names = new TreeSet<>();
    if (spec.getMetrics() == null || spec.getMetrics().getQueries() == null) {
      return names;
    }
    List<MetricQuery> queries = spec.getMetrics().getQueries();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < queries.size(); i++) {
      String name = queries.get(i) == null ? null : queries.get(i).getName();
      if (name == null) {
        continue;
      }
      names.add(name);
      checkBetter(queries.get(i), "spec.metrics.queries[" + i + "]");
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        problems.add(
            Problems.error(
                "spec.metrics.queries[" + i + "].name",
                "metric names must be unique: "
                    + Names.quote(name)
                    + " is also spec.metrics.queries["
                    + earlier
                    + "]",
                "rename one of them"));
      }
    }
    return names;
  }

  /**
   * Only per-target metrics are compared, so better on an experiment-wide metric would compare
   * nothing.
   */
  private void checkBetter(MetricQuery query, String path) {
    if (query.getBetter() != null && !Boolean.TRUE.equals(query.getPerTarget())) {
      problems.add(
          Problems.warning(
              path + ".better",
              "metric "
                  + Names.quote(query.getName())
                  + " runs once for the experiment, so no targets are compared on it",
              "set perTarget: true, or remove better"));
    }
  }

  /**
   * Twins of CEL "successCriteria[].metric must name a metric in metrics.queries" and
   * "successCriteria[].target must name a target of this experiment".
   */
  private void checkCriteria(Set<String> metrics) {
    if (spec.getHypothesis() == null || spec.getHypothesis().getSuccessCriteria() == null) {
      return;
    }
    Set<String> targets = new TreeSet<>();
    if (spec.getTargets() != null) {
      spec.getTargets().stream()
          .filter(t -> t != null && t.getName() != null)
          .map(Target::getName)
          .forEach(targets::add);
    }
    List<SuccessCriterion> criteria = spec.getHypothesis().getSuccessCriteria();
    for (int i = 0; i < criteria.size(); i++) {
      if (criteria.get(i) != null) {
        checkCriterion(
            "spec.hypothesis.successCriteria[" + i + "]", criteria.get(i), metrics, targets);
      }
    }
  }

  private void checkCriterion(
      String path, SuccessCriterion criterion, Set<String> metrics, Set<String> targets) {
    if (criterion.getMetric() != null && !metrics.contains(criterion.getMetric())) {
      problems.add(
          Problems.error(
              path + ".metric",
              "successCriteria[].metric must name a metric in metrics.queries: unknown metric "
                  + Names.quote(criterion.getMetric()),
              metrics.isEmpty()
                  ? "add the query to spec.metrics.queries"
                  : Names.suggest(criterion.getMetric(), metrics, "metrics")));
    }
    if (criterion.getTarget() != null && !targets.contains(criterion.getTarget())) {
      problems.add(
          Problems.error(
              path + ".target",
              "successCriteria[].target must name a target of this experiment: unknown target "
                  + Names.quote(criterion.getTarget()),
              Names.suggest(criterion.getTarget(), targets, "targets")));
    }
    if (criterion.getValue() != null && !Double.isFinite(criterion.getValue())) {
      problems.add(
          Problems.error(path + ".value", "not a finite number", "use a finite decimal number"));
    }
  }

  /** Twin of CEL "retainFor applies to action retain only"; retention is bounded. */
  private void checkCleanup(String path, CleanupRule rule) {
    if (rule == null) {
      return;
    }
    Optional<Duration> retainFor = duration(path + ".retainFor", rule.getRetainFor());
    if (rule.getRetainFor() != null
        && rule.getAction() != null
        && rule.getAction() != CleanupAction.RETAIN) {
      problems.add(
          Problems.error(
              path + ".retainFor",
              "retainFor applies to action retain only",
              "remove retainFor or set action: retain"));
    } else if (retainFor.isPresent() && retainFor.get().compareTo(ExperimentRules.MAX_RETAIN) > 0) {
      problems.add(
          Problems.error(
              path + ".retainFor",
              "retains clusters for " + Durations.format(retainFor.get()) + ", longer than 168h",
              "at most 168h (7 days): a retained cluster costs money"));
    }
  }

  private void checkDeadlines(Deadlines deadlines) {
    if (deadlines == null) {
      return;
    }
    Optional<Duration> set = duration("spec.deadlines.total", deadlines.getTotal());
    Duration total = set.orElse(ExperimentRules.DEFAULT_TOTAL);
    String totalText =
        set.isPresent() ? "total (" + deadlines.getTotal() + ")" : "the default total (6h)";
    Map<String, String> phases = new LinkedHashMap<>();
    phases.put("provisioning", deadlines.getProvisioning());
    phases.put("deploying", deadlines.getDeploying());
    phases.put("running", deadlines.getRunning());
    phases.put("collecting", deadlines.getCollecting());
    phases.forEach(
        (phase, text) -> {
          Optional<Duration> d = duration("spec.deadlines." + phase, text);
          if (d.isPresent() && d.get().compareTo(total) > 0) {
            problems.add(
                Problems.error(
                    "spec.deadlines." + phase,
                    "deadline " + text + " is longer than " + totalText,
                    "shorten it or raise spec.deadlines.total"));
          }
        });
  }

  private void checkBudget(Budget budget) {
    if (budget == null || budget.getMaxUSD() == null) {
      return;
    }
    double max = budget.getMaxUSD();
    if (!Double.isFinite(max) || max < 0) {
      problems.add(
          Problems.error(
              "spec.budget.maxUSD",
              "budget must be a number >= 0, found " + max,
              "set maxUSD to the most the experiment may spend, in US dollars"));
    }
  }

  private Optional<Duration> duration(String path, String text) {
    return durations.read(path, text);
  }
}
