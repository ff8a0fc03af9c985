package io.illm.lab.dsl;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.SuccessCriterion;

/**
 * A machine-checked success criterion: a metric's measured value compared with a threshold in the
 * metric's unit. Made with {@code expect("metric").below(250)}; immutable.
 */
public final class Criterion {

  private final String metric;
  private final ComparisonOperator operator;
  private final double threshold;
  private final String target;
  private final String description;

  Criterion(
      String metric,
      ComparisonOperator operator,
      double threshold,
      String target,
      String description) {
    this.metric = metric;
    this.operator = operator;
    this.threshold = threshold;
    this.target = target;
    this.description = description;
  }

  /**
   * Judge only this target's value (for per-target metrics).
   *
   * <p>Default: every target's value must hold.
   */
  public Criterion target(String target) {
    return new Criterion(metric, operator, threshold, target, description);
  }

  /**
   * Why this threshold.
   *
   * <p>Default: no description.
   */
  public Criterion describe(String description) {
    return new Criterion(metric, operator, threshold, target, description);
  }

  SuccessCriterion criterion() {
    return new SuccessCriterion(metric, operator, threshold, target, description);
  }
}
