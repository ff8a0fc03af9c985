package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.SuccessCriterion;

/**
 * A machine-checked success criterion; immutable. Two kinds:
 *
 * <ul>
 *   <li>a threshold: a metric's measured value compared with a number in the metric's unit, {@code
 *       expect("p95_latency").below(250)};
 *   <li>comparative: one target's value compared with another target's, or with a multiple of it,
 *       {@code expect("memory").of("vm").below("prom")}, {@code
 *       expect("memory").of("vm").atMost(0.8).times("prom")}; judged on the 95% interval of the
 *       difference (docs/judgment.md).
 * </ul>
 */
public final class Criterion {

  private final String metric;
  private final ComparisonOperator operator;
  private final Double threshold;
  private final String target;
  private final Double factor;
  private final String than;
  private final String description;

  private Criterion(
      String metric,
      ComparisonOperator operator,
      Double threshold,
      String target,
      Double factor,
      String than,
      String description) {
    this.metric = metric;
    this.operator = operator;
    this.threshold = threshold;
    this.target = target;
    this.factor = factor;
    this.than = than;
    this.description = description;
  }

  /** A threshold criterion. */
  static Criterion threshold(String metric, ComparisonOperator operator, double threshold) {
    return new Criterion(metric, operator, threshold, null, null, null, null);
  }

  /** A comparative criterion: {@code target}'s value OPERATOR {@code factor} x {@code than}'s. */
  static Criterion comparative(
      String metric, ComparisonOperator operator, String target, Double factor, String than) {
    return new Criterion(metric, operator, null, target, factor, than, null);
  }

  /**
   * Judge only this target's value (for per-target metrics); on a comparative criterion, the target
   * compared (what {@code of(..)} said).
   *
   * <p>Default: every target's value must hold (a threshold criterion).
   */
  public Criterion target(String target) {
    return new Criterion(metric, operator, threshold, target, factor, than, description);
  }

  /**
   * Why this threshold, or why this comparison.
   *
   * <p>Default: no description.
   */
  public Criterion describe(String description) {
    return new Criterion(metric, operator, threshold, target, factor, than, description);
  }

  SuccessCriterion criterion() {
    return new SuccessCriterion(metric, operator, threshold, target, factor, than, description);
  }
}
