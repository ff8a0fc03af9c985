package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;

/**
 * One target's value, {@code expect("memory").of("vm")}, to be compared with another target's:
 * {@code below("prom")}, or with a multiple of it: {@code atMost(0.8).times("prom")}. Judged on the
 * 95% interval of mean(target) - factor x mean(other): it holds when the whole interval lies on its
 * side of zero, fails when it lies wholly on the other side, and is insufficient when it straddles
 * zero (docs/judgment.md).
 */
public final class TargetExpectation {

  private final String metric;
  private final String target;

  TargetExpectation(String metric, String target) {
    this.metric = metric;
    this.target = target;
  }

  /** Less than the other target's value (lt). */
  public Criterion below(String other) {
    return Criterion.comparative(metric, ComparisonOperator.LT, target, null, other);
  }

  /** At most the other target's value (lte). */
  public Criterion atMost(String other) {
    return Criterion.comparative(metric, ComparisonOperator.LTE, target, null, other);
  }

  /** Greater than the other target's value (gt). */
  public Criterion above(String other) {
    return Criterion.comparative(metric, ComparisonOperator.GT, target, null, other);
  }

  /** At least the other target's value (gte). */
  public Criterion atLeast(String other) {
    return Criterion.comparative(metric, ComparisonOperator.GTE, target, null, other);
  }

  /** Less than {@code factor} times another target's value: {@code below(0.5).times("prom")}. */
  public Multiple below(double factor) {
    return new Multiple(metric, ComparisonOperator.LT, target, factor);
  }

  /** At most {@code factor} times another target's value: {@code atMost(0.8).times("prom")}. */
  public Multiple atMost(double factor) {
    return new Multiple(metric, ComparisonOperator.LTE, target, factor);
  }

  /** Greater than {@code factor} times another target's value: {@code above(2).times("prom")}. */
  public Multiple above(double factor) {
    return new Multiple(metric, ComparisonOperator.GT, target, factor);
  }

  /** At least {@code factor} times another target's value: {@code atLeast(1.2).times("prom")}. */
  public Multiple atLeast(double factor) {
    return new Multiple(metric, ComparisonOperator.GTE, target, factor);
  }

  /** A comparison with a multiple of a target's value, waiting for the target: {@link #times}. */
  public static final class Multiple {

    private final String metric;
    private final ComparisonOperator operator;
    private final String target;
    private final double factor;

    Multiple(String metric, ComparisonOperator operator, String target, double factor) {
      this.metric = metric;
      this.operator = operator;
      this.target = target;
      this.factor = factor;
    }

    /** The target whose value is multiplied. */
    public Criterion times(String other) {
      return Criterion.comparative(metric, operator, target, factor, other);
    }
  }
}
