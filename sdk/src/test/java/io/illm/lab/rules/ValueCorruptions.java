package io.illm.lab.rules;

import static io.illm.lab.rules.SpecCorruptions.index;
import static io.illm.lab.rules.SpecCorruptions.queries;
import static io.illm.lab.rules.SpecCorruptions.set;

import io.illm.lab.model.Budget;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.rules.SpecCorruptions.Named;
import io.illm.lab.validate.ExperimentGenerators.Draw;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The corruptions of values: metric names, criteria, the budget, durations and cleanup. */
final class ValueCorruptions {

  private ValueCorruptions() {}

  static List<Named> metrics() {
    return List.of(
        new Named(
            "a duplicate metric name",
            (s, d) -> {
              if (queries(s).size() < 2) {
                return Optional.empty();
              }
              int b = d.between(1, queries(s).size() - 1);
              queries(s).get(b).setName(queries(s).get(d.between(0, b - 1)).getName());
              return Optional.of("spec.metrics.queries[" + b + "].name");
            }),
        new Named(
            "a criterion on an unknown metric",
            (s, d) -> onCriterion(s, d, c -> c.setMetric("no_such_metric"), ".metric")),
        new Named(
            "a criterion on an unknown target",
            (s, d) -> onCriterion(s, d, c -> c.setTarget("no-such-target"), ".target")),
        new Named(
            "a criterion on no finite number",
            (s, d) ->
                onCriterion(
                    s,
                    d,
                    c -> c.setValue(d.pick(List.of(Double.NaN, Double.NEGATIVE_INFINITY))),
                    ".value")),
        new Named(
            "a negative budget",
            (s, d) ->
                set(
                    () -> s.setBudget(new Budget(d.pick(List.of(-0.01, Double.NaN)))),
                    "spec.budget.maxUSD")));
  }

  static List<Named> durations() {
    return List.of(
        new Named(
            "a deadline that is no duration",
            (s, d) -> deadline(s, d, d.pick(List.of("ten minutes", "1d", "-1h", "0s", "9000h")))),
        new Named(
            "a phase deadline past the total",
            (s, d) -> {
              Deadlines deadlines = deadlines(s);
              deadlines.setTotal("1h");
              String phase = d.pick(List.of("provisioning", "deploying", "running", "collecting"));
              setPhase(deadlines, phase, "1h" + d.between(1, 59) + "m");
              return Optional.of("spec.deadlines." + phase);
            }),
        new Named(
            "retainFor with action delete",
            (s, d) -> cleanup(s, d, new CleanupRule(CleanupAction.DELETE, "1h"))),
        new Named(
            "retainFor over a week",
            (s, d) ->
                cleanup(s, d, new CleanupRule(CleanupAction.RETAIN, d.between(169, 999) + "h"))),
        new Named(
            "a recollect delay that is no duration",
            (s, d) ->
                set(
                    () -> s.setQualityGate(new QualityGate(null, null, null, "2min")),
                    "spec.qualityGate.recollectDelay")));
  }

  // ---- helpers

  private static Optional<String> onCriterion(
      ExperimentSpec s, Draw d, Consumer<SuccessCriterion> change, String field) {
    List<SuccessCriterion> criteria =
        s.getHypothesis() == null ? null : s.getHypothesis().getSuccessCriteria();
    return index(d, criteria, c -> true)
        .map(
            i -> {
              change.accept(criteria.get(i));
              return "spec.hypothesis.successCriteria[" + i + "]" + field;
            });
  }

  private static Deadlines deadlines(ExperimentSpec s) {
    if (s.getDeadlines() == null) {
      s.setDeadlines(new Deadlines());
    }
    return s.getDeadlines();
  }

  private static Optional<String> deadline(ExperimentSpec s, Draw d, String text) {
    String phase = d.pick(List.of("provisioning", "deploying", "running", "collecting", "total"));
    setPhase(deadlines(s), phase, text);
    return Optional.of("spec.deadlines." + phase);
  }

  private static void setPhase(Deadlines deadlines, String phase, String text) {
    switch (phase) {
      case "provisioning" -> deadlines.setProvisioning(text);
      case "deploying" -> deadlines.setDeploying(text);
      case "running" -> deadlines.setRunning(text);
      case "collecting" -> deadlines.setCollecting(text);
      default -> deadlines.setTotal(text);
    }
  }

  private static Optional<String> cleanup(ExperimentSpec s, Draw d, CleanupRule rule) {
    if (s.getCleanup() == null) {
      s.setCleanup(new CleanupPolicy());
    }
    boolean complete = d.bool();
    if (complete) {
      s.getCleanup().setOnComplete(rule);
    } else {
      s.getCleanup().setOnFailure(rule);
    }
    return Optional.of("spec.cleanup." + (complete ? "onComplete" : "onFailure") + ".retainFor");
  }
}
