package io.illm.lab.bench;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Summary;
import io.illm.lab.results.SummaryJson;
import io.illm.lab.results.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site benchmark's input: N summary.json files, 10 runs per experiment, each with 3 targets and
 * 10 metrics (5 instant with intervals, 5 range with 2 series of 40 points per target) and 3
 * criteria. The numbers are a function of the indexes, so every call writes the same bytes.
 */
final class SiteWorkload {

  static final List<String> TARGETS = List.of("aks", "eks", "gke");
  static final int RUNS_PER_EXPERIMENT = 10;
  static final int METRICS = 10;
  static final int POINTS = 40;
  static final double T0 = 1_795_000_000;

  private SiteWorkload() {}

  /** Writes N summaries under {@code results/experiments/<experiment>/<run>/summary.json}. */
  static void write(Path results, int n) {
    for (int i = 0; i < n; i++) {
      String experiment = String.format("bench-%03d", i / RUNS_PER_EXPERIMENT);
      String run = String.format("20261120T%02d0000Z-%08x", i % RUNS_PER_EXPERIMENT, 0x1000 + i);
      SummaryJson.write(
          summary(experiment, i),
          results.resolve("experiments").resolve(experiment).resolve(run).resolve("summary.json"));
    }
  }

  static Summary summary(String experiment, int index) {
    List<MetricResult> metrics = new ArrayList<>();
    for (int m = 0; m < METRICS; m++) {
      boolean range = m % 2 == 1;
      List<Sample> samples = new ArrayList<>();
      for (int t = 0; t < TARGETS.size(); t++) {
        double mean = 100 + 10 * m + 7 * t + (index % 13);
        List<Series> series = new ArrayList<>();
        if (range) {
          for (int pod = 0; pod < 2; pod++) {
            List<Point> points = new ArrayList<>();
            for (int p = 0; p < POINTS; p++) {
              points.add(new Point(T0 + 15 * p, mean + pod + ((p * 7 + m) % 11) / 10.0));
            }
            series.add(new Series(new TreeMap<>(Map.of("pod", "app-" + pod)), points));
          }
        }
        samples.add(
            new Sample(
                TARGETS.get(t),
                "sum(rate(metric_" + m + "[1m]))",
                Outcome.OK,
                null,
                series,
                List.of(mean - 1, mean, mean + 1),
                new Stats(3, mean, mean, mean - 1, mean + 1, mean - 1.5, mean + 1.5, 0.95)));
      }
      metrics.add(
          new MetricResult(
              "metric_" + m,
              range ? "range" : "instant",
              "ms",
              "Metric " + m,
              null,
              true,
              "insufficient",
              "lower",
              samples));
    }
    List<Verdict.Criterion> criteria =
        List.of(
            new Verdict.Criterion(
                "metric_0", null, "lt", 130, 120.0, Verdict.Outcome.PASS, "120 < 130", null),
            new Verdict.Criterion(
                "metric_1", "gke", "lt", 125, 131.0, Verdict.Outcome.FAIL, "131 >= 125", null),
            new Verdict.Criterion(
                "metric_2", null, "gte", 50, 140.0, Verdict.Outcome.PASS, "140 >= 50", null));
    TreeMap<String, Double> perTarget = new TreeMap<>();
    TARGETS.forEach(t -> perTarget.put(t, 0.2));
    return new Summary(
        Summary.SCHEMA_VERSION,
        index % 4 == 0,
        new Summary.ExperimentInfo(
            experiment,
            "experiments",
            "uid-" + index,
            "hash",
            "Benchmark " + experiment,
            null,
            List.of("bench", "tag-" + (index % 5)),
            "Every target stays fast",
            List.of()),
        new Summary.RunInfo(
            "Complete",
            null,
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:01:00Z",
            "2026-11-20T10:30:00Z",
            new Summary.Window("2026-11-20T10:10:00Z", "2026-11-20T10:20:00Z", 15, 3)),
        TARGETS.stream()
            .map(
                t ->
                    new Summary.TargetInfo(
                        t,
                        t,
                        experiment + "-" + t,
                        "us-central1-a",
                        "e2-standard-4",
                        3,
                        true,
                        List.of("Component/app")))
            .toList(),
        new Summary.WorkflowInfo(experiment + "-load", "load", "Succeeded", null, null),
        metrics,
        List.of(),
        new Verdict(HypothesisResult.INVALIDATED, criteria),
        new Quality(1, 0.8, 1, 3, true),
        new Cost(0.8, 0.6, 1.2, 5.0, perTarget, "gcp 2026-11 (list prices)", null),
        new Summary.Provenance("0.1.0", "http://prometheus:9090", "2026-11-20T10:25:00Z", 1));
  }
}
