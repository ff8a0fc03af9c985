package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;

/** What a collection produced, for lifecycle tables: some data, or none. */
public final class Collecteds {

  private Collecteds() {}

  /** One metric with one value. */
  public static Collected some() {
    return of(List.of(1.0));
  }

  /** One metric whose only sample has no value. */
  public static Collected none() {
    return of(List.of());
  }

  private static Collected of(List<Double> values) {
    Sample sample =
        new Sample(
            "app",
            "up",
            values.isEmpty() ? Outcome.EMPTY : Outcome.OK,
            null,
            List.of(),
            values,
            null);
    MetricResult metric =
        new MetricResult(
            "up", "instant", null, null, null, true, "insufficient", null, List.of(sample));
    return new Collected(
        List.of(metric),
        new Summary.Window("2026-01-01T00:00:00Z", "2026-01-01T00:40:00Z", 60, 1),
        "simulated",
        new Quality(values.isEmpty() ? 0 : 1, 0.5, 1, 1, !values.isEmpty()),
        HypothesisResult.INSUFFICIENT,
        false,
        Instant.parse("2026-01-01T00:41:00Z"),
        0,
        new TreeMap<>());
  }
}
