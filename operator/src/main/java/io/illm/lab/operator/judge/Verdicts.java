package io.illm.lab.operator.judge;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Quantities;
import io.illm.lab.results.Verdict;
import io.illm.lab.results.Verdict.Criterion;
import io.illm.lab.results.Verdict.Outcome;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict on the hypothesis, criterion by criterion (docs/judgment.md):
 *
 * <ul>
 *   <li>a criterion reads the mean of its metric's values (one per repetition window) for its
 *       target; without a target, a per-target metric must hold on every target of the spec (the
 *       worst target's value is reported), an experiment-wide metric is read once;
 *   <li>a criterion is missing, never failed, when its data is: not collected, the query failed, or
 *       it returned nothing and the metric's onEmpty is insufficient (onEmpty zero reads 0, onEmpty
 *       fail fails the criterion);
 *   <li>validated when every criterion passed, invalidated when any failed, insufficient when any
 *       is missing and none failed, no result without criteria.
 * </ul>
 */
public final class Verdicts {

  private Verdicts() {}

  /** The verdict on {@code spec}'s success criteria from {@code metrics}. */
  public static Verdict judge(ExperimentSpec spec, List<MetricResult> metrics) {
    List<SuccessCriterion> criteria =
        spec.getHypothesis() == null || spec.getHypothesis().getSuccessCriteria() == null
            ? List.of()
            : spec.getHypothesis().getSuccessCriteria();
    List<String> targets =
        spec.getTargets() == null
            ? List.of()
            : spec.getTargets().stream()
                .filter(t -> t != null && t.getName() != null)
                .map(t -> t.getName())
                .toList();
    List<Criterion> judged = new ArrayList<>();
    for (SuccessCriterion criterion : criteria) {
      MetricResult metric =
          metrics.stream()
              .filter(m -> m.name().equals(criterion.getMetric()))
              .findFirst()
              .orElse(null);
      judged.add(
          criterion.getThan() != null
              ? ComparativeVerdicts.criterion(criterion, metric)
              : criterion(criterion, metric, targets));
    }
    return new Verdict(result(judged), judged);
  }

  /**
   * Validated when all passed, invalidated when any failed, insufficient when any is missing or
   * undecided (insufficient); null without criteria.
   */
  public static HypothesisResult result(List<Criterion> criteria) {
    if (criteria.isEmpty()) {
      return null;
    }
    if (criteria.stream().anyMatch(c -> c.outcome() == Outcome.FAIL)) {
      return HypothesisResult.INVALIDATED;
    }
    if (criteria.stream()
        .anyMatch(c -> c.outcome() == Outcome.MISSING || c.outcome() == Outcome.INSUFFICIENT)) {
      return HypothesisResult.INSUFFICIENT;
    }
    return HypothesisResult.VALIDATED;
  }

  /**
   * One criterion against its metric (null: the metric was not collected) and the spec's targets.
   */
  static Criterion criterion(
      SuccessCriterion criterion, MetricResult metric, List<String> targets) {
    if (criterion.getOperator() == null || criterion.getValue() == null) {
      return judged(
          criterion, new Reading(Outcome.MISSING, null, "the criterion has no operator or value"));
    }
    if (metric == null) {
      return judged(
          criterion,
          new Reading(
              Outcome.MISSING, null, "metric " + criterion.getMetric() + " was not collected"));
    }
    if (!metric.perTarget()) {
      if (criterion.getTarget() != null) {
        return judged(
            criterion,
            new Reading(
                Outcome.MISSING,
                null,
                "metric "
                    + metric.name()
                    + " runs once for the experiment, not per target (remove the criterion's target, or make the metric perTarget)"));
      }
      return judged(criterion, read(criterion, metric, metric.sample(null)));
    }
    if (criterion.getTarget() != null) {
      return judged(criterion, read(criterion, metric, metric.sample(criterion.getTarget())));
    }
    return judged(criterion, everyTarget(criterion, metric, targets));
  }

  /** A criterion without a target on a per-target metric: every target must hold. */
  private static Reading everyTarget(
      SuccessCriterion criterion, MetricResult metric, List<String> targets) {
    if (targets.isEmpty()) {
      return new Reading(Outcome.MISSING, null, "the experiment has no targets");
    }
    List<Reading> readings = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    for (String target : targets) {
      Reading reading = read(criterion, metric, metric.sample(target));
      readings.add(reading);
      parts.add(target + ": " + reading.reason());
    }
    Outcome outcome =
        readings.stream().anyMatch(r -> r.outcome() == Outcome.FAIL)
            ? Outcome.FAIL
            : readings.stream().anyMatch(r -> r.outcome() == Outcome.MISSING)
                ? Outcome.MISSING
                : Outcome.PASS;
    boolean upper =
        criterion.getOperator() == ComparisonOperator.LT
            || criterion.getOperator() == ComparisonOperator.LTE;
    Double worst =
        outcome == Outcome.MISSING
            ? null
            : readings.stream()
                .filter(r -> r.outcome() == outcome && r.value() != null)
                .map(Reading::value)
                .reduce((x, y) -> upper ? Math.max(x, y) : Math.min(x, y))
                .orElse(null);
    return new Reading(outcome, worst, "every target must hold: " + String.join("; ", parts));
  }

  /** One sample's mean against the threshold. */
  private static Reading read(SuccessCriterion criterion, MetricResult metric, Sample sample) {
    if (sample == null) {
      return new Reading(Outcome.MISSING, null, "not collected");
    }
    if (sample.outcome() == MetricResult.Outcome.ERROR) {
      return new Reading(
          Outcome.MISSING,
          null,
          "query failed: " + (sample.error() == null ? "no error given" : sample.error()));
    }
    double[] values = Statistics.finite(sample.values());
    if (values.length == 0) {
      return switch (onEmpty(metric)) {
        case ZERO -> compare(criterion, metric, 0.0, " (no data, counted as 0: onEmpty is zero)");
        case FAIL -> new Reading(Outcome.FAIL, null, "no data, and the metric's onEmpty is fail");
        default -> new Reading(Outcome.MISSING, null, "no data");
      };
    }
    String note = values.length == 1 ? "" : " (mean of " + values.length + " values)";
    return compare(criterion, metric, Statistics.mean(values), note);
  }

  private static Reading compare(
      SuccessCriterion criterion, MetricResult metric, double value, String note) {
    double threshold = criterion.getValue();
    boolean holds =
        switch (criterion.getOperator()) {
          case LT -> value < threshold;
          case LTE -> value <= threshold;
          case GT -> value > threshold;
          case GTE -> value >= threshold;
        };
    String comparison = symbol(criterion.getOperator()) + " " + quantity(threshold, metric.unit());
    return holds
        ? new Reading(Outcome.PASS, value, quantity(value, metric.unit()) + " " + comparison + note)
        : new Reading(
            Outcome.FAIL, value, quantity(value, metric.unit()) + " is not " + comparison + note);
  }

  private static EmptyResult onEmpty(MetricResult metric) {
    EmptyResult onEmpty = metric.onEmpty() == null ? null : EmptyResult.fromValue(metric.onEmpty());
    return onEmpty == null ? EmptyResult.INSUFFICIENT : onEmpty;
  }

  private static Criterion judged(SuccessCriterion criterion, Reading reading) {
    return new Criterion(
        criterion.getMetric(),
        criterion.getTarget(),
        criterion.getOperator() == null ? null : criterion.getOperator().value(),
        criterion.getValue() == null ? 0 : criterion.getValue(),
        reading.value(),
        reading.outcome(),
        reading.reason(),
        criterion.getDescription());
  }

  static String symbol(ComparisonOperator operator) {
    return switch (operator) {
      case LT -> "<";
      case LTE -> "<=";
      case GT -> ">";
      case GTE -> ">=";
    };
  }

  /** In the metric's unit as people read it (128 MiB, 1.5 s), as the CLI and the site show it. */
  private static String quantity(double value, String unit) {
    return Quantities.format(value, unit);
  }

  /** What one sample (or every target together) says about a criterion. */
  private record Reading(Outcome outcome, Double value, String reason) {}
}
