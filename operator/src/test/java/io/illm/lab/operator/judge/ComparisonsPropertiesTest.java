package io.illm.lab.operator.judge;

import static io.illm.lab.operator.judge.SampleResults.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import io.illm.lab.model.Better;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.Comparison.Conclusion;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.generators.Generate;

/** Comparisons over generated samples: identical samples never differ, separated ones always do. */
class ComparisonsPropertiesTest {

  private static final int EXAMPLES = 100;

  @Test
  void identicalSamplesShowNoSignificantDifference() {
    qt().withExamples(EXAMPLES)
        .forAll(StatisticsPropertiesTest.samples(), Generate.enumValues(Better.class))
        .checkAssert(
            (sample, better) -> {
              Comparison c =
                  Comparisons.compare("m", better, "a", values(sample), "b", values(sample));
              assertEquals(Conclusion.NO_SIGNIFICANT_DIFFERENCE, c.conclusion(), c::toString);
            });
  }

  @Test
  void aSampleShiftedFarBeyondItsSpreadIsSignificantlyDifferentInTheRightDirection() {
    qt().withExamples(EXAMPLES)
        .forAll(
            StatisticsPropertiesTest.samples(),
            doubles().between(1, 1e6),
            Generate.enumValues(Better.class))
        .checkAssert(
            (sample, extra, better) -> {
              double spread = Collections.max(sample) - Collections.min(sample);
              // five times the spread: beyond Welch's half-width even at n = 2 (t(0.975, 2) = 4.3)
              List<Double> shifted = sample.stream().map(v -> v + 5 * spread + extra).toList();
              Comparison c =
                  Comparisons.compare("m", better, "a", values(sample), "b", values(shifted));
              assertEquals(Conclusion.SIGNIFICANT, c.conclusion(), c::toString);
              assertEquals(better == Better.LOWER ? "a" : "b", c.better(), c::toString);
            });
  }

  @Test
  void theSameSamplesAlwaysGiveTheSameComparison() {
    qt().withExamples(EXAMPLES)
        .forAll(StatisticsPropertiesTest.samples(), StatisticsPropertiesTest.samples())
        .checkAssert(
            (a, b) ->
                assertEquals(
                    Comparisons.compare("m", Better.LOWER, "a", values(a), "b", values(b)),
                    Comparisons.compare("m", Better.LOWER, "a", values(a), "b", values(b))));
  }
}
