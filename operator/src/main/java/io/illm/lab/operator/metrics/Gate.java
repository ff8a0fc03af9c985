package io.illm.lab.operator.metrics;

import io.illm.lab.model.Durations;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.QualityGate;
import java.time.Duration;

/**
 * The quality gate of an experiment with its defaults applied (the original's section 2.9.2, minus
 * its holes): an attempt passes when its data coverage reaches {@code minCoverage}, the verdict is
 * not insufficient, no {@code onEmpty: fail} metric is without data and the source answered. A
 * failed attempt is collected again after {@code delay}, over the same window (data sent late by
 * remote write arrives; the original shrank {@code $DURATION} instead), up to {@code maxAttempts}.
 *
 * @param enabled spec.qualityGate.enabled; default true when spec.metrics.queries is not empty
 * @param maxAttempts spec.qualityGate.maxIterations, default 3 (1 when the gate is off)
 * @param minCoverage spec.qualityGate.minDataCoverage, default 0.5
 * @param delay spec.qualityGate.recollectDelay, default 2m
 */
public record Gate(boolean enabled, int maxAttempts, double minCoverage, Duration delay) {

  /** The gate of {@code spec}. */
  public static Gate of(ExperimentSpec spec) {
    QualityGate gate = spec.getQualityGate() == null ? new QualityGate() : spec.getQualityGate();
    boolean custom =
        spec.getMetrics() != null
            && spec.getMetrics().getQueries() != null
            && !spec.getMetrics().getQueries().isEmpty();
    boolean enabled = gate.getEnabled() == null ? custom : gate.getEnabled();
    int max = gate.getMaxIterations() == null ? 3 : Math.max(1, gate.getMaxIterations());
    double min = gate.getMinDataCoverage() == null ? 0.5 : gate.getMinDataCoverage();
    Duration delay =
        gate.getRecollectDelay() == null || !Durations.isValid(gate.getRecollectDelay())
            ? Duration.ofMinutes(2)
            : Durations.parse(gate.getRecollectDelay());
    return new Gate(enabled, enabled ? max : 1, min, delay);
  }

  /** True when {@code attempt} is good enough to keep. */
  public boolean passes(Attempt attempt, HypothesisResult verdict) {
    return attempt.coverage() >= minCoverage
        && verdict != HypothesisResult.INSUFFICIENT
        && attempt.failures().isEmpty()
        && attempt.unreachable() == null;
  }

  /** True when a failed attempt {@code number} is collected again. */
  public boolean retries(int number) {
    return enabled && number < maxAttempts;
  }
}
