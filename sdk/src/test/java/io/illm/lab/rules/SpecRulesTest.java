package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Better;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.SuccessCriterion;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Metrics, criteria, cleanup, deadlines and budget, through {@link ExperimentRules}. */
class SpecRulesTest {

  private static List<Problem> with(Consumer<ExperimentSpec> change) {
    ExperimentSpec spec = Specs.valid();
    change.accept(spec);
    return ExperimentRules.check(Specs.NAME, spec);
  }

  private static SuccessCriterion criterion(ExperimentSpec spec) {
    return spec.getHypothesis().getSuccessCriteria().get(0);
  }

  @Test
  void criteriaNameAKnownMetric() {
    Problem problem =
        assertError(
            with(s -> criterion(s).setMetric("memory_totl")),
            "spec.hypothesis.successCriteria[0].metric",
            "must name a metric in metrics.queries");
    assertEquals("did you mean memory_total?", problem.hint());
    assertError(
        with(s -> s.setMetrics(null)),
        "spec.hypothesis.successCriteria[0].metric",
        "unknown metric");
  }

  @Test
  void criteriaNameAKnownTarget() {
    assertError(
        with(s -> criterion(s).setTarget("db")),
        "spec.hypothesis.successCriteria[0].target",
        "unknown target \"db\"");
  }

  @Test
  void criteriaValuesAreFinite() {
    assertError(
        with(s -> criterion(s).setValue(Double.POSITIVE_INFINITY)),
        "spec.hypothesis.successCriteria[0].value",
        "not a finite number");
  }

  @Test
  void metricNamesAreUnique() {
    assertError(
        with(s -> s.getMetrics().getQueries().get(1).setName("memory_total")),
        "spec.metrics.queries[1].name",
        "metric names must be unique");
  }

  @Test
  void betterOnAnExperimentWideMetricIsAWarning() {
    assertWarning(
        with(s -> s.getMetrics().getQueries().get(1).setBetter(Better.LOWER)),
        "spec.metrics.queries[1].better",
        "no targets are compared on it");
    assertNoProblems(
        with(
            s -> {
              s.getMetrics().getQueries().get(1).setPerTarget(true);
              s.getMetrics().getQueries().get(1).setBetter(Better.HIGHER);
            }));
  }

  @Test
  void retainForOnlyWithRetain() {
    assertError(
        with(s -> s.getCleanup().getOnFailure().setRetainFor("1h")),
        "spec.cleanup.onFailure.retainFor",
        "retainFor applies to action retain only");
  }

  @Test
  void retainForIsAtMostAWeek() {
    Problem problem =
        assertError(
            with(s -> s.getCleanup().getOnComplete().setRetainFor("169h")),
            "spec.cleanup.onComplete.retainFor",
            "longer than 168h");
    assertTrue(problem.hint().contains("at most 168h"));
    assertNoProblems(with(s -> s.getCleanup().getOnComplete().setRetainFor("168h")));
    assertNoProblems(with(s -> s.getCleanup().getOnFailure().setAction(CleanupAction.RETAIN)));
  }

  @Test
  void durationsParseAndArePositive() {
    assertError(
        with(s -> s.getDeadlines().setRunning("99999999999999999999h")),
        "spec.deadlines.running",
        "out of range");
    assertError(
        with(s -> s.getDeadlines().setRunning("0s")), "spec.deadlines.running", "longer than 0s");
    assertError(
        with(s -> s.setQualityGate(new QualityGate(null, null, null, "0m"))),
        "spec.qualityGate.recollectDelay",
        "longer than 0s");
  }

  @Test
  void aPhaseDeadlineIsNotLongerThanTotal() {
    assertError(
        with(s -> s.getDeadlines().setRunning("5h")),
        "spec.deadlines.running",
        "longer than total (4h)");
    assertError(
        with(
            s -> {
              s.getDeadlines().setTotal(null);
              s.getDeadlines().setProvisioning("7h");
            }),
        "spec.deadlines.provisioning",
        "longer than the default total (6h)");
  }

  @Test
  void theBudgetIsAFiniteNumberAtLeastZero() {
    assertError(
        with(s -> s.getBudget().setMaxUSD(Double.NaN)),
        "spec.budget.maxUSD",
        "budget must be a number >= 0");
    assertError(
        with(s -> s.getBudget().setMaxUSD(-1.0)), "spec.budget.maxUSD", "budget must be a number");
  }
}
