package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.empty;
import static io.illm.lab.operator.testing.Testing.experimentWide;
import static io.illm.lab.operator.testing.Testing.failed;
import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.operator.testing.Testing;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Verdict;
import io.illm.lab.results.Verdict.Criterion;
import io.illm.lab.results.Verdict.Kind;
import io.illm.lab.results.Verdict.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Criteria between targets, "vm OPERATOR k x prom", judged on the interval of the difference. */
class ComparativeVerdictsTest {

  private static final double MIB = 1024 * 1024;

  private static SuccessCriterion vm(ComparisonOperator operator, Double factor) {
    return new SuccessCriterion("mem", operator, null, "vm", factor, "prom", null);
  }

  private static MetricResult mem(Sample... samples) {
    return new MetricResult("mem", "range", null, null, null, true, null, null, List.of(samples));
  }

  private static Sample prom(double... values) {
    return ok("prom", values);
  }

  private static Sample vmValues(double... values) {
    return ok("vm", values);
  }

  static Stream<Arguments> criteria() {
    return Stream.of(
        row(
            "lt, wholly below",
            vm(ComparisonOperator.LT, null),
            vmValues(10, 11, 12),
            Outcome.PASS),
        row(
            "lt, wholly above",
            vm(ComparisonOperator.LT, null),
            vmValues(30, 31, 32),
            Outcome.FAIL),
        row(
            "lt, straddling",
            vm(ComparisonOperator.LT, null),
            vmValues(15, 25, 20),
            Outcome.INSUFFICIENT),
        row(
            "gt, wholly above",
            vm(ComparisonOperator.GT, null),
            vmValues(30, 31, 32),
            Outcome.PASS),
        row("gte, wholly below", vm(ComparisonOperator.GTE, null), vmValues(1, 2, 3), Outcome.FAIL),
        // prom's mean is 20: 0.8 x 20 = 16
        row("lte 0.8, at 0.6", vm(ComparisonOperator.LTE, 0.8), vmValues(11, 12, 13), Outcome.PASS),
        row(
            "lte 0.8, at 0.92",
            vm(ComparisonOperator.LTE, 0.8),
            vmValues(18, 18.5, 19),
            Outcome.FAIL),
        row(
            "lte 0.8, at 0.8",
            vm(ComparisonOperator.LTE, 0.8),
            vmValues(15, 16, 17),
            Outcome.INSUFFICIENT),
        row(
            "gte 1.2, at 1.5",
            vm(ComparisonOperator.GTE, 1.2),
            vmValues(29, 30, 31),
            Outcome.PASS));
  }

  private static Arguments row(
      String name, SuccessCriterion criterion, Sample vm, Outcome outcome) {
    return Arguments.of(name, criterion, vm, outcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("criteria")
  void theIntervalDecides(String name, SuccessCriterion criterion, Sample vm, Outcome outcome) {
    Criterion judged = ComparativeVerdicts.criterion(criterion, mem(vm, prom(19, 20, 21)));

    assertEquals(outcome, judged.outcome(), judged.reason());
    assertEquals(Kind.COMPARATIVE, judged.kind());
    assertEquals("vm", judged.target());
    assertEquals("prom", judged.than());
    assertNull(judged.threshold());
    double k = criterion.getFactor() == null ? 1 : criterion.getFactor();
    assertEquals(k, judged.factor());
    double difference = Statistics.mean(Testing.values(vm.values())) - k * 20;
    assertEquals(difference, judged.value(), 1e-9);
    assertTrue(judged.ciLow() <= difference && difference <= judged.ciHigh(), judged::toString);
    assertEquals(0.95, judged.confidence());
  }

  @Test
  void theReasonGivesBothMeansTheDifferenceAndItsIntervalInTheUnit() {
    MetricResult bytes =
        new MetricResult(
            "mem",
            "range",
            "bytes",
            null,
            null,
            true,
            null,
            null,
            List.of(ok("vm", 200 * MIB, 210 * MIB, 220 * MIB), ok("prom", 300 * MIB, 300 * MIB)));

    Criterion judged = ComparativeVerdicts.criterion(vm(ComparisonOperator.LTE, 0.8), bytes);

    assertEquals(
        "vm 210 MiB vs 0.8 x prom 240 MiB, difference -30 MiB, 95% interval"
            + " [-54.84 MiB, -5.159 MiB]: vm at most 0.8 x prom",
        judged.reason());
  }

  @Test
  void aStraddlingIntervalSaysTheWindowsDoNotDecide() {
    Criterion judged =
        ComparativeVerdicts.criterion(
            vm(ComparisonOperator.LT, null), mem(vmValues(15, 25, 20), prom(19, 20, 21)));

    assertTrue(
        judged
            .reason()
            .endsWith(
                "the interval contains 0, so the windows do not decide whether vm below prom"),
        judged.reason());
  }

  @Test
  void oneWindowOnASideIsInsufficientAndSaysWhy() {
    Criterion judged =
        ComparativeVerdicts.criterion(
            vm(ComparisonOperator.LT, null), mem(vmValues(10), prom(19, 20, 21)));

    assertEquals(Outcome.INSUFFICIENT, judged.outcome());
    assertEquals(
        "vm 10 vs prom 20: vm has 1 value, prom 3 values; an interval needs at least 2 windows"
            + " on each side (spec.metrics.repetitions)",
        judged.reason());
    assertEquals(-10.0, judged.value());
    assertNull(judged.ciLow());
  }

  @Test
  void identicalSamplesAreAtMostButNotBelow() {
    MetricResult same = mem(vmValues(20, 20, 20), prom(20, 20, 20));

    assertEquals(
        Outcome.PASS,
        ComparativeVerdicts.criterion(vm(ComparisonOperator.LTE, null), same).outcome());
    assertEquals(
        Outcome.FAIL,
        ComparativeVerdicts.criterion(vm(ComparisonOperator.LT, null), same).outcome());
  }

  @Test
  void aSideWithoutDataIsMissingOrFailsWithOnEmptyFail() {
    SuccessCriterion below = vm(ComparisonOperator.LT, null);
    assertEquals(
        "not collected on vm", ComparativeVerdicts.criterion(below, mem(prom(1, 2))).reason());
    assertEquals(
        "query failed on prom: timeout",
        ComparativeVerdicts.criterion(below, mem(vmValues(1, 2), failed("prom", "timeout")))
            .reason());
    Criterion empty = ComparativeVerdicts.criterion(below, mem(empty("vm"), prom(1, 2)));
    assertEquals(Outcome.MISSING, empty.outcome());
    assertEquals("no data on vm", empty.reason());
    MetricResult failing =
        new MetricResult(
            "mem", "range", null, null, null, true, "fail", null, List.of(empty("vm"), prom(1, 2)));
    assertEquals(Outcome.FAIL, ComparativeVerdicts.criterion(below, failing).outcome());
    assertEquals(
        Outcome.MISSING, ComparativeVerdicts.criterion(below, null).outcome(), "not collected");
    assertTrue(
        ComparativeVerdicts.criterion(below, experimentWide("mem", ok(null, 1, 2)))
            .reason()
            .contains("runs once for the experiment"));
  }

  @Test
  void theBoundaryCountsOnTheSideTheOperatorSays() {
    Interval touching = new Interval(-2, 0);
    assertEquals(Outcome.PASS, ComparativeVerdicts.decide(ComparisonOperator.LTE, touching));
    assertEquals(Outcome.INSUFFICIENT, ComparativeVerdicts.decide(ComparisonOperator.LT, touching));
    assertEquals(Outcome.FAIL, ComparativeVerdicts.decide(ComparisonOperator.GT, touching));
    assertEquals(
        Outcome.INSUFFICIENT, ComparativeVerdicts.decide(ComparisonOperator.GTE, touching));
  }

  @Test
  void theVerdictRoutesCriteriaWithThanHereAndAnUndecidedOneIsInsufficient() {
    Verdict verdict =
        Verdicts.judge(
            spec(
                List.of("prom", "vm"),
                List.of(Testing.query("mem", true, null)),
                vm(ComparisonOperator.LT, null)),
            List.of(mem(vmValues(15, 25, 20), prom(19, 20, 21))));

    assertEquals(HypothesisResult.INSUFFICIENT, verdict.result());
    assertEquals(Kind.COMPARATIVE, verdict.criteria().get(0).kind());
  }
}
