package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;

/**
 * The first half of a success criterion, {@code expect("p95_latency")}; a comparison completes it.
 */
public final class Expectation {

  private final String metric;

  Expectation(String metric) {
    this.metric = metric;
  }

  /** The measured value is less than the threshold (lt). */
  public Criterion below(double threshold) {
    return new Criterion(metric, ComparisonOperator.LT, threshold, null, null);
  }

  /** The measured value is at most the threshold (lte). */
  public Criterion atMost(double threshold) {
    return new Criterion(metric, ComparisonOperator.LTE, threshold, null, null);
  }

  /** The measured value is greater than the threshold (gt). */
  public Criterion above(double threshold) {
    return new Criterion(metric, ComparisonOperator.GT, threshold, null, null);
  }

  /** The measured value is at least the threshold (gte). */
  public Criterion atLeast(double threshold) {
    return new Criterion(metric, ComparisonOperator.GTE, threshold, null, null);
  }
}
