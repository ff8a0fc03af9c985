package io.illm.lab.operator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.QueryType;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SamplesTest {

  private static final PlannedSample APP = new PlannedSample("app", "q", null);

  private static PlannedMetric metric(QueryType type, EmptyResult rule) {
    return new PlannedMetric("m", type, null, null, null, true, rule, List.of(APP));
  }

  private static Series series(String pod, double... tv) {
    List<Point> points = new java.util.ArrayList<>();
    for (int i = 0; i < tv.length; i += 2) {
      points.add(new Point(tv[i], tv[i + 1]));
    }
    return new Series(new TreeMap<>(Map.of("pod", pod)), points);
  }

  private static Answer ok(Series... series) {
    return new Answer(true, true, List.of(series), 0, null, "{}");
  }

  @Test
  void anInstantValueIsTheSumOverSeries() {
    Sample sample =
        Samples.of(
            metric(QueryType.INSTANT, EmptyResult.INSUFFICIENT),
            APP,
            List.of(ok(series("a", 10, 1), series("b", 10, 2)), ok(series("a", 20, 3))));

    assertEquals(Outcome.OK, sample.outcome());
    assertEquals(List.of(3.0, 3.0), sample.values());
    assertEquals(
        List.of(10.0, 20.0), sample.series().get(0).points().stream().map(Point::t).toList());
  }

  @Test
  void aRangeValueIsTheMeanOverTimeOfTheSummedSeries() {
    // sums: t=0 → 1+3 = 4, t=15 → 2+5 = 7, t=30 → 6 (only b): mean (4 + 7 + 6) / 3 = 17/3
    Sample sample =
        Samples.of(
            metric(QueryType.RANGE, EmptyResult.INSUFFICIENT),
            APP,
            List.of(ok(series("a", 0, 1, 15, 2), series("b", 0, 3, 15, 5, 30, 6))));

    assertEquals(List.of(17.0 / 3), sample.values());
  }

  @Test
  void anEmptyWindowIsZeroOnlyWhereEmptyMeansZero() {
    List<Answer> answers = List.of(ok(), ok(series("a", 1, 5)));
    Sample zero = Samples.of(metric(QueryType.INSTANT, EmptyResult.ZERO), APP, answers);
    Sample insufficient =
        Samples.of(metric(QueryType.INSTANT, EmptyResult.INSUFFICIENT), APP, answers);
    Sample empty = Samples.of(metric(QueryType.INSTANT, EmptyResult.ZERO), APP, List.of(ok()));

    assertEquals(List.of(0.0, 5.0), zero.values());
    assertEquals(List.of(5.0), insufficient.values());
    assertEquals(Outcome.EMPTY, empty.outcome());
    assertEquals(List.of(0.0), empty.values());
    assertTrue(Samples.covered(empty, EmptyResult.ZERO));
    assertFalse(Samples.covered(empty, EmptyResult.INSUFFICIENT));
  }

  @Test
  void anErrorInAnyWindowIsTheOutcomeWithItsWindow() {
    Sample sample =
        Samples.of(
            metric(QueryType.INSTANT, EmptyResult.ZERO),
            APP,
            List.of(
                ok(series("a", 1, 5)),
                new Answer(false, true, List.of(), 0, "bad_data: parse error", "{}")));

    assertEquals(Outcome.ERROR, sample.outcome());
    assertEquals("window 2 of 2: bad_data: parse error", sample.error());
    assertEquals(List.of(5.0), sample.values());
    assertFalse(Samples.covered(sample, EmptyResult.ZERO));
  }

  @Test
  void aQueryThatCannotBeSentIsAnErrorSample() {
    PlannedSample planned = new PlannedSample(null, "m{target=\"$TARGET\"}", "uses $TARGET");

    Sample sample = Samples.of(metric(QueryType.INSTANT, EmptyResult.ZERO), planned, List.of());

    assertEquals(
        new Sample(
            null,
            "m{target=\"$TARGET\"}",
            Outcome.ERROR,
            "uses $TARGET",
            List.of(),
            List.of(),
            null),
        sample);
  }
}
