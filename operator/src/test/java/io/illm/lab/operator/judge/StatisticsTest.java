package io.illm.lab.operator.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.operator.judge.Statistics.Interval;
import io.illm.lab.results.Stats;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void describesASample() {
    Stats stats = Statistics.of(List.of(4.0, 1.0, 3.0, 2.0));

    assertEquals(4, stats.n());
    assertEquals(2.5, stats.mean(), 1e-12);
    assertEquals(2.5, stats.median(), 1e-12);
    assertEquals(1.0, stats.min());
    assertEquals(4.0, stats.max());
    assertEquals(0.95, stats.confidence());
    // s = 1.2910, standard error 0.6455, t(0.975, 3) = 3.1824 (from a t table)
    assertEquals(2.5 - 3.1824 * 0.6455, stats.ciLow(), 1e-3);
    assertEquals(2.5 + 3.1824 * 0.6455, stats.ciHigh(), 1e-3);
  }

  @Test
  void theMedianOfAnOddSampleIsItsMiddleValue() {
    assertEquals(7.0, Statistics.of(List.of(100.0, 7.0, 1.0)).median());
  }

  @Test
  void oneValueHasNoInterval() {
    Stats stats = Statistics.of(List.of(42.0));

    assertEquals(new Stats(1, 42.0, 42.0, 42.0, 42.0, null, null, null), stats);
  }

  @Test
  void noValuesHaveNoStatistics() {
    assertNull(Statistics.of(List.of()));
    assertNull(Statistics.of(null));
    assertNull(Statistics.of(List.of(Double.NaN, Double.POSITIVE_INFINITY)));
  }

  @Test
  void nonFiniteValuesAreLeftOut() {
    assertEquals(2, Statistics.of(Arrays.asList(1.0, Double.NaN, 3.0, null)).n());
  }

  @Test
  void aConstantSampleHasAZeroWidthIntervalAtItsValue() {
    Stats stats = Statistics.of(List.of(0.1, 0.1, 0.1, 0.1, 0.1));

    assertEquals(stats.mean(), stats.ciLow());
    assertEquals(stats.mean(), stats.ciHigh());
  }

  @Test
  void theSameValuesGiveTheSameInterval() {
    List<Double> values = List.of(12.0, 15.5, 9.25, 30.0, 11.0, 14.0);

    assertEquals(Statistics.of(values), Statistics.of(values));
  }

  @Test
  void theIntervalOfTwoValuesIsStudentsWithOneDegreeOfFreedom() {
    // mean 15, s = sqrt(50), standard error 5, t(0.975, 1) = 12.7062
    Interval interval = Statistics.meanInterval(new double[] {10, 20});

    assertEquals(15 - 12.7062 * 5, interval.low(), 1e-3);
    assertEquals(15 + 12.7062 * 5, interval.high(), 1e-3);
  }

  @Test
  void welchsIntervalOfADifferenceIsTheTextbookOne() {
    // a: mean 11, variance 1; b: mean 20, variance 1; se = sqrt(1/3 + 1/3) = 0.8165;
    // df = (2/3)^2 / ((1/3)^2/2 + (1/3)^2/2) = 4; t(0.975, 4) = 2.7764 (from a t table)
    Interval interval =
        Statistics.differenceInterval(new double[] {10, 11, 12}, new double[] {19, 20, 21});

    assertEquals(-9 - 2.7764 * 0.8165, interval.low(), 1e-3);
    assertEquals(-9 + 2.7764 * 0.8165, interval.high(), 1e-3);
  }

  @Test
  void aScaledDifferenceJudgesAtMostKTimes() {
    double[] b = {100, 102, 98, 101, 99};
    double[] a = {70, 71, 69, 70.5, 69.5};

    assertTrue(Statistics.scaledDifferenceInterval(a, b, 0.8).high() < 0, "a below 0.8 b");
    assertTrue(Statistics.scaledDifferenceInterval(a, b, 0.6).low() > 0, "a above 0.6 b");
    assertTrue(Statistics.scaledDifferenceInterval(a, b, 0.7).excludesZero() == false);
  }

  @Test
  void aDifferenceNeedsTwoValuesOnEachSide() {
    assertNull(Statistics.differenceInterval(new double[] {1, 2}, new double[] {3}));
    assertNull(Statistics.differenceInterval(new double[] {1}, new double[] {3, 4}));
    assertNotNull(Statistics.differenceInterval(new double[] {1, 2}, new double[] {3, 4}));
  }

  @Test
  void theDifferenceOfSeparatedSamplesExcludesZero() {
    Interval interval =
        Statistics.differenceInterval(
            new double[] {10, 11, 12, 10.5}, new double[] {20, 21, 19, 22});

    assertTrue(interval.high() < 0, interval.toString());
    assertTrue(interval.excludesZero());
    assertTrue(interval.low() >= -12 && interval.high() <= -7, interval.toString());
  }
}
