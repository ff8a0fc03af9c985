package io.illm.lab.operator.judge;

import io.illm.lab.results.Stats;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Statistics over a sample of values (one per repetition window): n, mean, median, min, max and a
 * percentile-bootstrap confidence interval of the mean; and the same interval for the difference of
 * two means. Deterministic: the resampling is seeded, so the same values always give the same
 * interval. Why a percentile bootstrap, and for which n it is honest: ADR-009.
 */
public final class Statistics {

  /** The level of every interval. */
  public static final double CONFIDENCE = 0.95;

  /** Bootstrap resamples per interval. */
  public static final int RESAMPLES = 10_000;

  /** The resampling seed: fixed, so an interval depends on the values alone. */
  static final long SEED = 20_261_127L;

  private static final double LOW_PERCENT = 100 * (1 - CONFIDENCE) / 2;
  private static final double HIGH_PERCENT = 100 - LOW_PERCENT;

  private Statistics() {}

  /** An interval [low, high]. */
  public record Interval(double low, double high) {

    /** True when zero lies outside the interval. */
    public boolean excludesZero() {
      return low > 0 || high < 0;
    }
  }

  /**
   * The statistics of {@code values}; null when there is no finite value. The interval is absent
   * when fewer than two values remain (one value has no spread to resample).
   */
  public static Stats of(List<Double> values) {
    double[] sample = finite(values);
    if (sample.length == 0) {
      return null;
    }
    Percentile median = percentile();
    median.setData(sample);
    double min = sample[0];
    double max = sample[0];
    for (double v : sample) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    Interval interval = meanInterval(sample);
    return new Stats(
        sample.length,
        mean(sample),
        median.evaluate(50),
        min,
        max,
        interval == null ? null : interval.low(),
        interval == null ? null : interval.high(),
        interval == null ? null : CONFIDENCE);
  }

  /** The arithmetic mean of {@code values}; NaN when empty. */
  public static double mean(double[] values) {
    return new Mean().evaluate(values);
  }

  /** The {@value #CONFIDENCE} percentile-bootstrap interval of the mean; null when n &lt; 2. */
  public static Interval meanInterval(double[] values) {
    if (values.length < 2) {
      return null;
    }
    RandomGenerator random = new Well19937c(SEED);
    double[] resample = new double[values.length];
    double[] means = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      means[r] = resampledMean(values, resample, random);
    }
    return interval(means);
  }

  /**
   * The {@value #CONFIDENCE} percentile-bootstrap interval of mean(a) − mean(b), resampling each
   * side on its own (the two samples are independent: different clusters); null when either has
   * fewer than two values.
   */
  public static Interval differenceInterval(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return null;
    }
    RandomGenerator random = new Well19937c(SEED);
    double[] resampleA = new double[a.length];
    double[] resampleB = new double[b.length];
    double[] differences = new double[RESAMPLES];
    for (int r = 0; r < RESAMPLES; r++) {
      differences[r] = resampledMean(a, resampleA, random) - resampledMean(b, resampleB, random);
    }
    return interval(differences);
  }

  /** The finite values, in their order. */
  static double[] finite(List<Double> values) {
    if (values == null) {
      return new double[0];
    }
    return values.stream()
        .filter(v -> v != null && Double.isFinite(v))
        .mapToDouble(Double::doubleValue)
        .toArray();
  }

  private static double resampledMean(double[] values, double[] into, RandomGenerator random) {
    for (int i = 0; i < into.length; i++) {
      into[i] = values[random.nextInt(values.length)];
    }
    // the same Mean as for the sample itself: a constant sample then gives exactly its value
    return mean(into);
  }

  private static Interval interval(double[] estimates) {
    Percentile percentile = percentile();
    percentile.setData(estimates);
    return new Interval(percentile.evaluate(LOW_PERCENT), percentile.evaluate(HIGH_PERCENT));
  }

  /** Hyndman and Fan's type 7 (R's and NumPy's default): interpolates between order statistics. */
  private static Percentile percentile() {
    return new Percentile().withEstimationType(EstimationType.R_7);
  }
}
