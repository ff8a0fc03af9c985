package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Better;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.testing.Testing;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Comparative criteria and declared comparisons, through {@link ExperimentRules}: on the fixture
 * whose memory_total is made per target, with three repetitions, criterion 0 reading "app's
 * memory_total below 0.8 x loadgen's".
 */
class CriteriaRulesTest {

  private static final String CRITERION = "spec.hypothesis.successCriteria[0]";

  /** The fixture with a valid comparative criterion and whatever {@code change} breaks. */
  private static List<Problem> with(Consumer<ExperimentSpec> change) {
    ExperimentSpec spec = Testing.validSpec();
    spec.getMetrics().getQueries().get(0).setPerTarget(true);
    spec.getMetrics().setRepetitions(3);
    SuccessCriterion criterion = spec.getHypothesis().getSuccessCriteria().get(0);
    criterion.setValue(null);
    criterion.setThan("loadgen");
    criterion.setFactor(0.8);
    change.accept(spec);
    return ExperimentRules.check(Testing.TSDB_COMPARISON, spec);
  }

  private static SuccessCriterion criterion(ExperimentSpec spec) {
    return spec.getHypothesis().getSuccessCriteria().get(0);
  }

  private static void compare(ExperimentSpec spec, TargetComparison comparison) {
    spec.getMetrics().setComparisons(Testing.list(comparison));
  }

  @Test
  void aComparativeCriterionOnAPerTargetMetricWithRepetitionsIsValid() {
    assertNoProblems(with(s -> {}));
    assertNoProblems(with(s -> criterion(s).setFactor(null)));
  }

  @Test
  void anUnknownThanIsAnErrorWithASuggestion() {
    Problem problem =
        assertError(
            with(s -> criterion(s).setThan("loadgn")),
            CRITERION + ".than",
            "unknown target \"loadgn\"");
    assertEquals("did you mean loadgen?", problem.hint());
  }

  @Test
  void anExperimentWideMetricCannotCompareTargets() {
    Problem problem =
        assertError(
            with(s -> s.getMetrics().getQueries().get(0).setPerTarget(null)),
            CRITERION + ".metric",
            "runs once for the experiment, so no targets can be compared on it");
    assertEquals("set perTarget: true on the metric", problem.hint());
  }

  @Test
  void aComparativeCriterionWithoutAMetricIsLeftToTheSchemaNotACrash() {
    // found by ValidatorPropertiesTest: a metric that did not bind (a map where a name belongs)
    // reached the rules as null; the schema reports it at its path, the rules must not throw
    assertNoProblems(with(s -> criterion(s).setMetric(null)));
  }

  @Test
  void oneRepetitionCannotGiveAnIntervalSoItIsAnErrorOnRepetitions() {
    Problem problem =
        assertError(
            with(s -> s.getMetrics().setRepetitions(null)),
            "spec.metrics.repetitions",
            CRITERION + " compares targets, which needs at least 2 repetition windows");
    assertEquals(
        "set spec.metrics.repetitions to 2 or more; 5 or more find a 10% difference"
            + " (docs/judgment.md)",
        problem.hint());
  }

  @Test
  void aComparativeCriterionHasNoThresholdAndATarget() {
    assertError(with(s -> criterion(s).setValue(5.0)), CRITERION, "set exactly one of value");
    assertError(with(s -> criterion(s).setThan(null)), CRITERION + ".factor", "factor applies to");
    assertError(
        with(s -> criterion(s).setTarget(null)),
        CRITERION + ".target",
        "compares its target with another target");
  }

  @Test
  void declaredComparisonsNameTargetsAndPerTargetMetrics() {
    assertNoProblems(
        with(s -> compare(s, new TargetComparison("app", null, Testing.list("memory_total")))));
    assertError(
        with(s -> compare(s, new TargetComparison("app", Testing.list("lodgen"), null))),
        "spec.metrics.comparisons[0].targets[0]",
        "unknown target \"lodgen\"");
    assertError(
        with(s -> compare(s, new TargetComparison("app", null, Testing.list("cpu_total")))),
        "spec.metrics.comparisons[0].metrics[0]",
        "metric \"cpu_total\" runs once for the experiment");
  }

  @Test
  void aComparisonThatComparesNothingOrCannotDecideIsAWarning() {
    assertWarning(
        with(s -> compare(s, new TargetComparison("app", null, null))),
        "spec.metrics.comparisons[0]",
        "compares nothing");
    assertWarning(
        with(
            s -> {
              compare(s, new TargetComparison("app", null, Testing.list("memory_total")));
              s.getHypothesis().setSuccessCriteria(null);
              s.getMetrics().setRepetitions(1);
            }),
        "spec.metrics.comparisons",
        "with 1 every comparison is insufficient");
  }

  @Test
  void betterWithoutADeclaredComparisonComparesNothing() {
    Problem problem =
        assertWarning(
            with(s -> s.getMetrics().getQueries().get(0).setBetter(Better.LOWER)),
            "spec.metrics.queries[0].better",
            "no comparison is declared, so no targets are compared on metric \"memory_total\"");
    assertEquals(
        "declare spec.metrics.comparisons (a baseline target and the targets compared with it),"
            + " or remove better",
        problem.hint());
    assertNoProblems(
        with(
            s -> {
              s.getMetrics().getQueries().get(0).setBetter(Better.LOWER);
              compare(s, new TargetComparison("loadgen", null, null));
            }));
  }
}
