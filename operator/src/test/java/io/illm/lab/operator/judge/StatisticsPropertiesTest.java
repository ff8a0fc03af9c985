package io.illm.lab.operator.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.lists;

import io.illm.lab.results.Stats;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** The bootstrap interval of the mean over generated samples. */
class StatisticsPropertiesTest {

  private static final int EXAMPLES = 100;

  /** Samples of 2 to 20 values (the repetitions range) of a plausible metric's size. */
  static Gen<List<Double>> samples() {
    return lists().of(doubles().between(-1e6, 1e6)).ofSizeBetween(2, 20);
  }

  @Test
  void theIntervalIsCentredOnTheMean() {
    qt().withExamples(EXAMPLES)
        .forAll(samples())
        .checkAssert(
            values -> {
              Stats stats = Statistics.of(values);
              double slack = 1e-9 * Math.max(1, Math.abs(stats.mean()));
              assertTrue(
                  stats.ciLow() <= stats.mean() + slack && stats.mean() - slack <= stats.ciHigh(),
                  stats::toString);
              double below = stats.mean() - stats.ciLow();
              double above = stats.ciHigh() - stats.mean();
              assertEquals(below, above, slack + 1e-9 * Math.abs(below), stats::toString);
            });
  }

  @Test
  void theSameValuesAlwaysGiveTheSameStatistics() {
    qt().withExamples(EXAMPLES)
        .forAll(samples())
        .checkAssert(
            values -> assertEquals(Statistics.of(values), Statistics.of(new ArrayList<>(values))));
  }

  @Test
  void theIntervalNarrowsAsTheSampleGrows() {
    // the same spread with nine times the values: the interval is about a third as wide (width ~
    // 1/sqrt(n))
    qt().withExamples(EXAMPLES)
        .forAll(samples())
        .assuming(StatisticsPropertiesTest::spread)
        .checkAssert(
            values -> {
              List<Double> nine = new ArrayList<>();
              for (int i = 0; i < 9; i++) {
                nine.addAll(values);
              }
              Stats small = Statistics.of(values);
              Stats large = Statistics.of(nine);
              double narrow = large.ciHigh() - large.ciLow();
              double wide = small.ciHigh() - small.ciLow();
              assertTrue(
                  narrow < 0.6 * wide,
                  () -> "n=" + values.size() + ": " + wide + ", n=" + nine.size() + ": " + narrow);
            });
  }

  private static boolean spread(List<Double> values) {
    return values.stream().distinct().count() > 1;
  }
}
