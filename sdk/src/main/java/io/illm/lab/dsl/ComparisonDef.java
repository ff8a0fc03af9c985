package io.illm.lab.dsl;

import io.illm.lab.model.TargetComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * Targets compared with a baseline target, {@code baseline("prom").targets("vm")}: the results
 * report each target's difference from the baseline with its 95% interval, per metric. Only
 * declared comparisons are made (ADR-038). Immutable; made with {@link Lab#baseline}.
 */
public final class ComparisonDef {

  private final String baseline;
  private final List<String> targets;
  private final List<String> metrics;

  ComparisonDef(String baseline, List<String> targets, List<String> metrics) {
    this.baseline = baseline;
    this.targets = List.copyOf(targets);
    this.metrics = List.copyOf(metrics);
  }

  /**
   * The targets compared with the baseline; repeat or pass several.
   *
   * <p>Default: every other target of the experiment.
   */
  public ComparisonDef targets(String... targets) {
    List<String> more = new ArrayList<>(this.targets);
    more.addAll(List.of(targets));
    return new ComparisonDef(baseline, more, metrics);
  }

  /**
   * The per-target metrics compared; repeat or pass several.
   *
   * <p>Default: every per-target metric that says which direction is better.
   */
  public ComparisonDef metrics(String... metrics) {
    List<String> more = new ArrayList<>(this.metrics);
    more.addAll(List.of(metrics));
    return new ComparisonDef(baseline, targets, more);
  }

  TargetComparison comparison() {
    return new TargetComparison(
        baseline,
        targets.isEmpty() ? null : new ArrayList<>(targets),
        metrics.isEmpty() ? null : new ArrayList<>(metrics));
  }
}
