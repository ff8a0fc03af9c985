package io.illm.lab.dsl;

import io.illm.lab.model.QualityGate;
import io.illm.lab.rules.Findings;
import java.time.Duration;

/**
 * A check that enough metrics have data before results are accepted; failing it re-collects. Made
 * with {@link Lab#qualityGate()}.
 */
public final class QualityGateDef {

  private Boolean enabled;
  private Integer maxIterations;
  private Double minDataCoverage;
  private Duration recollectDelay;

  QualityGateDef() {}

  /**
   * Run the gate or not, written either way.
   *
   * <p>Default: on when the experiment has metrics.
   */
  public QualityGateDef enabled(boolean enabled) {
    this.enabled = enabled;
    return this;
  }

  /**
   * Collections before giving up, 1-5.
   *
   * <p>Default: 3.
   */
  public QualityGateDef maxIterations(int iterations) {
    this.maxIterations = iterations;
    return this;
  }

  /**
   * Share of queries that must return data, 0-1.
   *
   * <p>Default: 0.5.
   */
  public QualityGateDef minDataCoverage(double share) {
    this.minDataCoverage = share;
    return this;
  }

  /**
   * Wait between collections.
   *
   * <p>Default: 2 minutes.
   */
  public QualityGateDef recollectDelay(Duration delay) {
    this.recollectDelay = delay;
    return this;
  }

  QualityGate gate(Findings findings, String path) {
    return new QualityGate(
        enabled,
        maxIterations,
        minDataCoverage,
        findings.duration(path + ".recollectDelay", recollectDelay));
  }
}
