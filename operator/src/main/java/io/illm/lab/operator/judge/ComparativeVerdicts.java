package io.illm.lab.operator.judge;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Quantities;
import io.illm.lab.results.Verdict.Criterion;
import io.illm.lab.results.Verdict.Kind;
import io.illm.lab.results.Verdict.Outcome;

/**
 * A criterion between two targets, "B OPERATOR k x A" ({@code target}, {@code factor}, {@code
 * than}), judged on the 95% Welch interval of mean(B) - k x mean(A) (ADR-024, ADR-038):
 *
 * <ul>
 *   <li>pass when the whole interval lies on the criterion's side of zero (below it for lt, at or
 *       below for lte, above for gt, at or above for gte);
 *   <li>fail when it lies wholly on the other side;
 *   <li>insufficient when it straddles zero, or a side has fewer than two values (no interval);
 *   <li>missing when a side has no data (not collected, the query failed, nothing returned), or
 *       fail then if the metric's onEmpty is fail.
 * </ul>
 */
final class ComparativeVerdicts {

  private ComparativeVerdicts() {}

  /** What one side holds: its values, or why it has none. */
  private record Side(String target, double[] values, Outcome outcome, String problem) {}

  /** The judged criterion; {@code metric} is null when it was not collected. */
  static Criterion criterion(SuccessCriterion criterion, MetricResult metric) {
    double k = criterion.getFactor() == null ? 1 : criterion.getFactor();
    if (criterion.getOperator() == null || criterion.getTarget() == null) {
      return judged(criterion, k, Outcome.MISSING, "the criterion has no operator or target");
    }
    if (metric == null) {
      return judged(
          criterion, k, Outcome.MISSING, "metric " + criterion.getMetric() + " was not collected");
    }
    if (!metric.perTarget()) {
      return judged(
          criterion,
          k,
          Outcome.MISSING,
          "metric "
              + metric.name()
              + " runs once for the experiment, so no targets can be compared on it (make it"
              + " perTarget)");
    }
    Side b = side(metric, criterion.getTarget());
    Side a = side(metric, criterion.getThan());
    for (Side side : new Side[] {b, a}) {
      if (side.problem() != null) {
        return judged(criterion, k, side.outcome(), side.problem());
      }
    }
    return onInterval(criterion, metric.unit(), k, b, a);
  }

  private static Side side(MetricResult metric, String target) {
    Sample sample = metric.sample(target);
    if (sample == null) {
      return new Side(target, null, Outcome.MISSING, "not collected on " + target);
    }
    if (sample.outcome() == MetricResult.Outcome.ERROR) {
      String error = sample.error() == null ? "no error given" : sample.error();
      return new Side(target, null, Outcome.MISSING, "query failed on " + target + ": " + error);
    }
    double[] values = Statistics.finite(sample.values());
    if (values.length == 0) {
      return EmptyResult.FAIL.value().equals(metric.onEmpty())
          ? new Side(
              target,
              null,
              Outcome.FAIL,
              "no data on " + target + ", and the metric's onEmpty is fail")
          : new Side(target, null, Outcome.MISSING, "no data on " + target);
    }
    return new Side(target, values, null, null);
  }

  private static Criterion onInterval(
      SuccessCriterion criterion, String unit, double k, Side b, Side a) {
    String claim = b.target() + " " + words(criterion.getOperator()) + " " + times(k) + a.target();
    Interval interval = Statistics.scaledDifferenceInterval(b.values(), a.values(), k);
    double difference = Statistics.mean(b.values()) - k * Statistics.mean(a.values());
    String means =
        b.target()
            + " "
            + Quantities.format(Statistics.mean(b.values()), unit)
            + " vs "
            + times(k)
            + a.target()
            + " "
            + Quantities.format(k * Statistics.mean(a.values()), unit);
    if (interval == null) {
      String reason =
          means
              + ": "
              + b.target()
              + " has "
              + count(b.values().length)
              + ", "
              + a.target()
              + " "
              + count(a.values().length)
              + "; an interval needs at least 2 windows on each side (spec.metrics.repetitions)";
      return judged(criterion, k, Outcome.INSUFFICIENT, difference, null, reason);
    }
    Outcome outcome = decide(criterion.getOperator(), interval);
    String reason =
        means
            + ", difference "
            + Quantities.format(difference, unit)
            + ", 95% interval "
            + Quantities.interval(interval.low(), interval.high(), unit)
            + ": "
            + conclusion(outcome, claim);
    return judged(criterion, k, outcome, difference, interval, reason);
  }

  /** Pass when the interval lies on the operator's side of zero, fail when on the other. */
  static Outcome decide(ComparisonOperator operator, Interval interval) {
    double low = interval.low();
    double high = interval.high();
    boolean holds;
    boolean fails;
    switch (operator) {
      case LT -> {
        holds = high < 0;
        fails = low >= 0;
      }
      case LTE -> {
        holds = high <= 0;
        fails = low > 0;
      }
      case GT -> {
        holds = low > 0;
        fails = high <= 0;
      }
      default -> {
        holds = low >= 0;
        fails = high < 0;
      }
    }
    return holds ? Outcome.PASS : fails ? Outcome.FAIL : Outcome.INSUFFICIENT;
  }

  private static String conclusion(Outcome outcome, String claim) {
    return switch (outcome) {
      case PASS -> claim;
      case FAIL -> "not " + claim;
      default -> "the interval contains 0, so the windows do not decide whether " + claim;
    };
  }

  private static String words(ComparisonOperator operator) {
    return switch (operator) {
      case LT -> "below";
      case LTE -> "at most";
      case GT -> "above";
      case GTE -> "at least";
    };
  }

  private static String times(double k) {
    return k == 1 ? "" : Quantities.number(k) + " x ";
  }

  private static String count(int n) {
    return n == 1 ? "1 value" : n + " values";
  }

  private static Criterion judged(
      SuccessCriterion criterion, double k, Outcome outcome, String reason) {
    return judged(criterion, k, outcome, null, null, reason);
  }

  private static Criterion judged(
      SuccessCriterion criterion,
      double k,
      Outcome outcome,
      Double value,
      Interval interval,
      String reason) {
    return new Criterion(
        Kind.COMPARATIVE,
        criterion.getMetric(),
        criterion.getTarget(),
        criterion.getThan(),
        k,
        criterion.getOperator() == null ? null : criterion.getOperator().value(),
        null,
        value,
        interval == null ? null : interval.low(),
        interval == null ? null : interval.high(),
        interval == null ? null : Statistics.CONFIDENCE,
        outcome,
        reason,
        criterion.getDescription());
  }
}
