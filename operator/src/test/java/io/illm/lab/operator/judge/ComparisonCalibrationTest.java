package io.illm.lab.operator.judge;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.results.Verdict.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * How often a comparative criterion claims what is not so, and finds what is, on generated data
 * (seeded, so the table is the same on every run): two targets whose windows are drawn from the
 * same distribution, and two whose means differ by 10%, at every repetition count the lab supports;
 * and the ratio form the judge adds, "B at most 0.8 x A" (judged by {@link
 * ComparativeVerdicts#decide} on the interval of mean(B) - 0.8 mean(A)), with B exactly at the
 * boundary (B = 0.8 A) and 10% below it (B = 0.72 A). Prints the table (ADR-024, ADR-038 and
 * docs/judgment.md show it) and holds the goals: a claim "B below A" between identical targets, and
 * "B at most 0.8 x A" at the boundary, in at most 5% of comparisons at each n; a true 10%
 * difference found in at least 80% at n = 10 when windows vary by 5% (CV), in either form. {@code
 * -Dcalibration.comparisons=N} per cell (default 2,000).
 */
class ComparisonCalibrationTest {

  private static final int COMPARISONS = Integer.getInteger("calibration.comparisons", 2000);
  private static final int[] REPETITIONS = {2, 3, 5, 10, 20};

  /** How one window's value varies around its target's level. */
  private enum Noise {
    NORMAL_CV5("normal, CV 5%", 0.05, false),
    NORMAL_CV10("normal, CV 10%", 0.10, false),
    LOGNORMAL_CV5("log-normal, CV 5%", 0.05, true),
    LOGNORMAL_CV30("log-normal, CV 30%", 0.30, true);

    final String label;
    final double cv;
    final boolean skewed;

    Noise(String label, double cv, boolean skewed) {
      this.label = label;
      this.cv = cv;
      this.skewed = skewed;
    }

    double draw(RandomGenerator random, double level) {
      if (!skewed) {
        return level * (1 + cv * random.nextGaussian());
      }
      double sigma = Math.sqrt(Math.log(1 + cv * cv));
      return level * Math.exp(sigma * random.nextGaussian() - sigma * sigma / 2);
    }
  }

  @Test
  void falseClaimsStayRareAndATenPercentDifferenceIsFoundAtTenRepetitions() {
    List<String> rows = new ArrayList<>();
    rows.add(
        String.format(
            Locale.ROOT,
            "%-20s %4s %18s %18s %18s %20s %18s",
            "windows vary",
            "n",
            "false 'B below A'",
            "false 'differ'",
            "found B = 0.9 A",
            "false 'B <= 0.8 A'",
            "found B = 0.72 A"));
    for (Noise noise : Noise.values()) {
      for (int n : REPETITIONS) {
        Cell cell = cell(noise, n);
        rows.add(cell.row());
        assertTrue(cell.falseBelow <= 0.05, "false claims: " + cell.row());
        assertTrue(cell.falseRatio <= 0.05, "false ratio claims: " + cell.row());
        if (n == 10 && noise == Noise.NORMAL_CV5) {
          assertTrue(cell.found >= 0.80, "power: " + cell.row());
          assertTrue(cell.foundRatio >= 0.80, "ratio power: " + cell.row());
        }
      }
    }
    System.out.println(String.join("\n", rows));
  }

  private record Cell(
      Noise noise,
      int n,
      double falseBelow,
      double falseDiffer,
      double found,
      double falseRatio,
      double foundRatio) {
    String row() {
      return String.format(
          Locale.ROOT,
          "%-20s %4d %17.1f%% %17.1f%% %17.1f%% %19.1f%% %17.1f%%",
          noise.label,
          n,
          100 * falseBelow,
          100 * falseDiffer,
          100 * found,
          100 * falseRatio,
          100 * foundRatio);
    }
  }

  /** One row: comparisons of identical targets, and of targets 10% apart. */
  private static Cell cell(Noise noise, int n) {
    RandomGenerator random = new Well19937c(1000L * n + noise.ordinal());
    // the ratio form draws from a generator of its own: the first three columns stay ADR-024's
    RandomGenerator ratio = new Well19937c(7000L * n + noise.ordinal());
    int[] counts = new int[5];
    for (int i = 0; i < COMPARISONS; i++) {
      double[] a = sample(random, n, v -> noise.draw(random, 100));
      double[] same = sample(random, n, v -> noise.draw(random, 100));
      double[] lower = sample(random, n, v -> noise.draw(random, 90));
      double[] base = sample(ratio, n, v -> noise.draw(ratio, 100));
      double[] boundary = sample(ratio, n, v -> noise.draw(ratio, 80));
      double[] underBoundary = sample(ratio, n, v -> noise.draw(ratio, 72));
      Interval identical = Statistics.differenceInterval(same, a);
      counts[0] += identical.high() < 0 ? 1 : 0;
      counts[1] += identical.excludesZero() ? 1 : 0;
      counts[2] += Statistics.differenceInterval(lower, a).high() < 0 ? 1 : 0;
      counts[3] += atMostFourFifths(boundary, base) ? 1 : 0;
      counts[4] += atMostFourFifths(underBoundary, base) ? 1 : 0;
    }
    double all = COMPARISONS;
    return new Cell(
        noise,
        n,
        counts[0] / all,
        counts[1] / all,
        counts[2] / all,
        counts[3] / all,
        counts[4] / all);
  }

  /** "B at most 0.8 x A" as the judge decides it. */
  private static boolean atMostFourFifths(double[] b, double[] a) {
    Interval interval = Statistics.scaledDifferenceInterval(b, a, 0.8);
    return ComparativeVerdicts.decide(ComparisonOperator.LTE, interval) == Outcome.PASS;
  }

  private static double[] sample(RandomGenerator random, int n, DoubleUnaryOperator draw) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = draw.applyAsDouble(i);
    }
    return values;
  }
}
