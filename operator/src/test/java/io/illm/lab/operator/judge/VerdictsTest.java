package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.criterion;
import static io.illm.lab.operator.testing.Testing.empty;
import static io.illm.lab.operator.testing.Testing.experimentWide;
import static io.illm.lab.operator.testing.Testing.failed;
import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.perTarget;
import static io.illm.lab.operator.testing.Testing.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Verdict;
import io.illm.lab.results.Verdict.Criterion;
import io.illm.lab.results.Verdict.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Criteria judged one by one: (criterion, collected metric) → (outcome, value, reason). */
class VerdictsTest {

  private static final List<String> TARGETS = List.of("app", "db");

  static Stream<Arguments> criteria() {
    return Stream.of(
        row(
            "one value below the threshold",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(ok(null, 420)),
            Outcome.PASS,
            420.0,
            "420 < 512"),
        row(
            "the mean of the repetitions is judged",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(ok(null, 400, 500, 600)),
            Outcome.PASS,
            500.0,
            "500 < 512 (mean of 3 values)"),
        row(
            "a value that does not hold fails",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(ok(null, 600)),
            Outcome.FAIL,
            600.0,
            "600 is not < 512"),
        row(
            "lte holds at the threshold",
            criterion("mem", ComparisonOperator.LTE, 512, null),
            wide(ok(null, 512)),
            Outcome.PASS,
            512.0,
            "512 <= 512"),
        row(
            "lt does not hold at the threshold",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(ok(null, 512)),
            Outcome.FAIL,
            512.0,
            "512 is not < 512"),
        row(
            "gt",
            criterion("mem", ComparisonOperator.GT, 0.5, null),
            wide(ok(null, 0.75)),
            Outcome.PASS,
            0.75,
            "0.75 > 0.5"),
        row(
            "gte does not hold below",
            criterion("mem", ComparisonOperator.GTE, 1e-7, null),
            wide(ok(null, 0)),
            Outcome.FAIL,
            0.0,
            "0 is not >= 0.0000001"),
        row(
            "a failed query is missing, with its error",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(failed(null, "bad_data: parse error at char 4")),
            Outcome.MISSING,
            null,
            "query failed: bad_data: parse error at char 4"),
        row(
            "no data is missing (onEmpty insufficient by default)",
            criterion("mem", ComparisonOperator.LT, 512, null),
            wide(empty(null)),
            Outcome.MISSING,
            null,
            "no data"),
        row(
            "no data with onEmpty zero reads 0",
            criterion("mem", ComparisonOperator.LT, 512, null),
            withOnEmpty(wide(empty(null)), "zero"),
            Outcome.PASS,
            0.0,
            "0 < 512 (no data, counted as 0: onEmpty is zero)"),
        row(
            "no data with onEmpty fail fails",
            criterion("mem", ComparisonOperator.LT, 512, null),
            withOnEmpty(wide(empty(null)), "fail"),
            Outcome.FAIL,
            null,
            "no data, and the metric's onEmpty is fail"),
        row(
            "a metric not collected is missing",
            criterion("mem", ComparisonOperator.LT, 512, null),
            null,
            Outcome.MISSING,
            null,
            "metric mem was not collected"),
        row(
            "a target on an experiment-wide metric is missing",
            criterion("mem", ComparisonOperator.LT, 512, "app"),
            wide(ok(null, 1)),
            Outcome.MISSING,
            null,
            "metric mem runs once for the experiment, not per target (remove the criterion's target, or make the metric perTarget)"),
        row(
            "a named target reads its own sample",
            criterion("mem", ComparisonOperator.LT, 512, "db"),
            perTarget("mem", null, ok("app", 900), ok("db", 100)),
            Outcome.PASS,
            100.0,
            "100 < 512"),
        row(
            "a named target without a sample is missing",
            criterion("mem", ComparisonOperator.LT, 512, "db"),
            perTarget("mem", null, ok("app", 100)),
            Outcome.MISSING,
            null,
            "not collected"),
        row(
            "without a target every target must hold: all do",
            criterion("mem", ComparisonOperator.LT, 512, null),
            perTarget("mem", null, ok("app", 100), ok("db", 300)),
            Outcome.PASS,
            300.0,
            "every target must hold: app: 100 < 512; db: 300 < 512"),
        row(
            "without a target every target must hold: one fails",
            criterion("mem", ComparisonOperator.GT, 200, null),
            perTarget("mem", null, ok("app", 100), ok("db", 300)),
            Outcome.FAIL,
            100.0,
            "every target must hold: app: 100 is not > 200; db: 300 > 200"),
        row(
            "without a target: a failure outweighs a missing target",
            criterion("mem", ComparisonOperator.LT, 200, null),
            perTarget("mem", null, ok("app", 300), failed("db", "timeout")),
            Outcome.FAIL,
            300.0,
            "every target must hold: app: 300 is not < 200; db: query failed: timeout"),
        row(
            "without a target: a missing target makes it missing",
            criterion("mem", ComparisonOperator.LT, 512, null),
            perTarget("mem", null, ok("app", 300)),
            Outcome.MISSING,
            null,
            "every target must hold: app: 300 < 512; db: not collected"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("criteria")
  void judgesACriterion(
      String name,
      SuccessCriterion criterion,
      MetricResult metric,
      Outcome outcome,
      Double value,
      String reason) {
    Criterion judged = Verdicts.criterion(criterion, metric, TARGETS);

    assertEquals(outcome, judged.outcome(), judged.toString());
    assertEquals(value, judged.value(), judged.toString());
    assertEquals(reason, judged.reason());
    assertEquals(criterion.getTarget(), judged.target());
    assertEquals(criterion.getOperator().value(), judged.operator());
    assertEquals(criterion.getValue(), judged.threshold());
  }

  @Test
  void theUnitFollowsEveryNumber() {
    MetricResult mem =
        new MetricResult(
            "mem", "instant", "MiB", null, null, false, null, null, List.of(ok(null, 420)));

    assertEquals(
        "420 MiB < 512 MiB",
        Verdicts.criterion(criterion("mem", ComparisonOperator.LT, 512, null), mem, TARGETS)
            .reason());
  }

  static Stream<Arguments> results() {
    return Stream.of(
        Arguments.of(List.of(Outcome.PASS, Outcome.PASS), HypothesisResult.VALIDATED),
        Arguments.of(List.of(Outcome.PASS, Outcome.FAIL), HypothesisResult.INVALIDATED),
        Arguments.of(List.of(Outcome.MISSING, Outcome.FAIL), HypothesisResult.INVALIDATED),
        // the original said invalidated here: a missing metric is not evidence against the claim
        Arguments.of(List.of(Outcome.PASS, Outcome.MISSING), HypothesisResult.INSUFFICIENT),
        Arguments.of(List.of(Outcome.MISSING), HypothesisResult.INSUFFICIENT),
        Arguments.of(List.of(), null));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @MethodSource("results")
  void theResultFollowsTheWorstCriterion(List<Outcome> outcomes, HypothesisResult result) {
    List<Criterion> criteria =
        outcomes.stream().map(o -> new Criterion("m", null, "lt", 1, null, o, "r", null)).toList();

    assertEquals(result, Verdicts.result(criteria));
  }

  @Test
  void aSpecWithoutCriteriaHasNoResult() {
    Verdict verdict = Verdicts.judge(spec(TARGETS, List.of()), List.of(wide(ok(null, 1))));

    assertNull(verdict.result());
    assertEquals(List.of(), verdict.criteria());
  }

  @Test
  void criteriaAreJudgedInSpecOrder() {
    Verdict verdict =
        Verdicts.judge(
            spec(
                TARGETS,
                List.of(),
                criterion("mem", ComparisonOperator.LT, 512, null),
                criterion("cpu", ComparisonOperator.LT, 2, null)),
            List.of(experimentWide("cpu", ok(null, 1)), wide(empty(null))));

    assertEquals(
        List.of("mem", "cpu"), verdict.criteria().stream().map(Criterion::metric).toList());
    assertEquals(
        List.of(Outcome.MISSING, Outcome.PASS),
        verdict.criteria().stream().map(Criterion::outcome).toList());
    assertEquals(HypothesisResult.INSUFFICIENT, verdict.result());
  }

  private static Arguments row(
      String name,
      SuccessCriterion criterion,
      MetricResult metric,
      Outcome outcome,
      Double value,
      String reason) {
    return Arguments.of(name, criterion, metric, outcome, value, reason);
  }

  private static MetricResult wide(Sample sample) {
    return experimentWide("mem", sample);
  }

  private static MetricResult withOnEmpty(MetricResult m, String onEmpty) {
    return new MetricResult(
        m.name(),
        m.type(),
        m.unit(),
        m.description(),
        m.group(),
        m.perTarget(),
        onEmpty,
        m.better(),
        m.samples());
  }
}
