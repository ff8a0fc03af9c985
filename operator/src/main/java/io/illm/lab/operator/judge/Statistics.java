package io.illm.lab.operator.judge;

import io.illm.lab.results.Stats;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Statistics over a sample of values (one per repetition window): n, mean, median, min, max and a
 * Student-t confidence interval of the mean; and Welch's interval for the difference of two means,
 * or of one mean and a multiple of another (for "B at most 0.8 x A"). Closed forms: the same values
 * always give the same interval. Why t and Welch, and how well they hold at small n: ADR-024.
 */
public final class Statistics {

  /** The level of every interval. */
  public static final double CONFIDENCE = 0.95;

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
   * when fewer than two values remain (one value has no spread).
   */
  public static Stats of(List<Double> values) {
    double[] sample = finite(values);
    if (sample.length == 0) {
      return null;
    }
    Percentile median = new Percentile().withEstimationType(EstimationType.R_7);
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

  /** The {@value #CONFIDENCE} Student-t interval of the mean; null when n &lt; 2. */
  public static Interval meanInterval(double[] values) {
    if (values.length < 2) {
      return null;
    }
    double mean = mean(values);
    double half = quantile(values.length - 1) * Math.sqrt(variance(values) / values.length);
    return new Interval(mean - half, mean + half);
  }

  /**
   * The {@value #CONFIDENCE} Welch interval of mean(a) − mean(b) (independent samples: different
   * clusters; unequal variances); null when either side has fewer than two values.
   */
  public static Interval differenceInterval(double[] a, double[] b) {
    return scaledDifferenceInterval(a, b, 1);
  }

  /**
   * The {@value #CONFIDENCE} Welch interval of mean(a) − k · mean(b), so "a is at most k times b"
   * holds when it lies below zero; null when either side has fewer than two values.
   */
  public static Interval scaledDifferenceInterval(double[] a, double[] b, double k) {
    if (a.length < 2 || b.length < 2) {
      return null;
    }
    double va = variance(a) / a.length;
    double vb = k * k * variance(b) / b.length;
    double difference = mean(a) - k * mean(b);
    double se = Math.sqrt(va + vb);
    if (se == 0) {
      return new Interval(difference, difference);
    }
    // Welch-Satterthwaite degrees of freedom
    double df = (va + vb) * (va + vb) / (va * va / (a.length - 1) + vb * vb / (b.length - 1));
    double half = quantile(df) * se;
    return new Interval(difference - half, difference + half);
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

  private static double variance(double[] values) {
    return new Variance(true).evaluate(values);
  }

  /** The two-sided t quantile for {@value #CONFIDENCE} at {@code df} degrees of freedom. */
  private static double quantile(double df) {
    return new TDistribution(null, df).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }
}
