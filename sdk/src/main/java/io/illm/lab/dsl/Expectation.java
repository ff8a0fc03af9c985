package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;

/**
 * The first half of a success criterion, {@code expect("p95_latency")}: a comparison with a number
 * completes it, or {@link #of(String)} starts one between targets.
 */
public final class Expectation {

  private final String metric;

  Expectation(String metric) {
    this.metric = metric;
  }

  /** The measured value is less than the threshold (lt). */
  public Criterion below(double threshold) {
    return Criterion.threshold(metric, ComparisonOperator.LT, threshold);
  }

  /** The measured value is at most the threshold (lte). */
  public Criterion atMost(double threshold) {
    return Criterion.threshold(metric, ComparisonOperator.LTE, threshold);
  }

  /** The measured value is greater than the threshold (gt). */
  public Criterion above(double threshold) {
    return Criterion.threshold(metric, ComparisonOperator.GT, threshold);
  }

  /** The measured value is at least the threshold (gte). */
  public Criterion atLeast(double threshold) {
    return Criterion.threshold(metric, ComparisonOperator.GTE, threshold);
  }

  /**
   * The value of one target, to be compared with another target's: {@code
   * expect("memory").of("vm").below("prom")}. The metric must be per target, and the experiment
   * needs at least two repetitions.
   */
  public TargetExpectation of(String target) {
    return new TargetExpectation(metric, target);
  }
}
