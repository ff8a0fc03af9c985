package io.illm.lab.site;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Comparison;
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

/** The site's test summaries, built with the results records, and a results folder holding them. */
public final class SampleSummaries {

  static final String HOSTILE = "<script>alert('x')</script> & \"quotes\"";
  static final double T0 = 1_795_000_000;

  private SampleSummaries() {}

  /**
   * Three targets with confidence intervals, an instant metric with two criteria (two thresholds),
   * a range metric with two pods per target (a band) and one criterion, and a comparison.
   */
  static Summary multiTarget(String title, double shift) {
    List<String> targets = List.of("aks-c", "eks-b", "gke-a");
    List<Sample> latency = new ArrayList<>();
    List<Sample> memory = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      double mean = 100 + 20 * i + shift;
      latency.add(
          new Sample(
              targets.get(i),
              "histogram_quantile(0.99, ...)",
              Outcome.OK,
              null,
              List.of(),
              List.of(mean - 5, mean, mean + 5),
              new Stats(3, mean, mean, mean - 5, mean + 5, mean - 6, mean + 6, 0.95)));
      List<Series> pods = new ArrayList<>();
      for (int pod = 0; pod < 2; pod++) {
        List<Point> points = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
          points.add(new Point(T0 + 15 * step, 400 + 50 * i + 10 * pod + step));
        }
        pods.add(
            new Series(new TreeMap<>(Map.of("pod", "app-" + pod, "namespace", "bench")), points));
      }
      double rss = 405 + 50 * i;
      memory.add(
          new Sample(
              targets.get(i),
              "sum(container_memory_rss)",
              Outcome.OK,
              null,
              pods,
              List.of(rss),
              new Stats(1, rss, rss, rss, rss, null, null, null)));
    }
    MetricResult p99 =
        new MetricResult(
            "p99_latency",
            "instant",
            "ms",
            "p99 request latency",
            "latency",
            true,
            "insufficient",
            "lower",
            latency);
    MetricResult rss =
        new MetricResult(
            "memory_rss",
            "range",
            "MiB",
            "Resident memory",
            "resources",
            true,
            "insufficient",
            "lower",
            memory);
    Verdict verdict =
        new Verdict(
            HypothesisResult.INVALIDATED,
            List.of(
                new Verdict.Criterion(
                    "p99_latency", null, "lt", 130, 120.0, Verdict.Outcome.PASS, "120 < 130", null),
                new Verdict.Criterion(
                    "p99_latency",
                    "gke-a",
                    "lt",
                    110,
                    140.0,
                    Verdict.Outcome.FAIL,
                    "140 >= 110",
                    "gke-a is fastest"),
                new Verdict.Criterion(
                    "memory_rss",
                    null,
                    "lte",
                    480,
                    null,
                    Verdict.Outcome.MISSING,
                    "no data",
                    null)));
    return summary(
        "latency-vs-memory",
        title,
        false,
        "Complete",
        List.of("latency", "multi-cloud"),
        targets,
        List.of(p99, rss),
        verdict,
        List.of(
            new Comparison(
                "p99_latency",
                "aks-c",
                "eks-b",
                -20.0,
                -28.0,
                -12.0,
                0.95,
                Comparison.Conclusion.SIGNIFICANT,
                "aks-c")));
  }

  /**
   * One target, simulated, an experiment-wide instant metric with a single value (no interval),
   * user strings.
   */
  static Summary simulated() {
    Sample sample =
        new Sample(
            null,
            "sum(up)",
            Outcome.OK,
            null,
            List.of(new Series(new TreeMap<>(), List.of(new Point(T0, 3)))),
            List.of(3.0),
            new Stats(1, 3, 3, 3, 3, null, null, null));
    MetricResult up =
        new MetricResult(
            "targets_up", "instant", null, HOSTILE, null, false, "fail", null, List.of(sample));
    Verdict verdict =
        new Verdict(
            HypothesisResult.VALIDATED,
            List.of(
                new Verdict.Criterion(
                    "targets_up", null, "gte", 1, 3.0, Verdict.Outcome.PASS, "3 >= 1", HOSTILE)));
    return summary(
        "hello-sim",
        HOSTILE,
        true,
        "Complete",
        List.of("demo", HOSTILE),
        List.of("gke-a"),
        List.of(up),
        verdict,
        List.of());
  }

  /** A run that failed before collecting anything: no metrics, no verdict. */
  static Summary failed() {
    return summary(
        "hello-sim",
        "Hello",
        true,
        "Failed",
        List.of("demo"),
        List.of("gke-a"),
        List.of(),
        new Verdict(null, List.of()),
        List.of());
  }

  private static Summary summary(
      String name,
      String title,
      boolean simulated,
      String phase,
      List<String> tags,
      List<String> targets,
      List<MetricResult> metrics,
      Verdict verdict,
      List<Comparison> comparisons) {
    List<Summary.TargetInfo> infos =
        targets.stream()
            .map(
                t ->
                    new Summary.TargetInfo(
                        t,
                        t.substring(0, 3),
                        name + "-" + t,
                        "us-central1-a",
                        "e2-standard-4",
                        3,
                        true,
                        List.of("Component/app")))
            .toList();
    TreeMap<String, Double> perTarget = new TreeMap<>();
    targets.forEach(t -> perTarget.put(t, 0.12));
    return new Summary(
        Summary.SCHEMA_VERSION,
        simulated,
        new Summary.ExperimentInfo(
            name,
            "experiments",
            "uid-" + name,
            "hash",
            title,
            "Compares " + name,
            tags,
            "The claim of " + title,
            List.of("Which is faster?")),
        new Summary.RunInfo(
            phase,
            "Failed".equals(phase) ? "cluster claim timed out" : null,
            "2026-11-20T10:00:00Z",
            "2026-11-20T10:01:00Z",
            "2026-11-20T10:30:00Z",
            new Summary.Window("2026-11-20T10:10:00Z", "2026-11-20T10:20:00Z", 15, 3)),
        infos,
        new Summary.WorkflowInfo(name + "-load", "load", "Succeeded", null, null),
        metrics,
        comparisons,
        verdict,
        new Quality(metrics.isEmpty() ? 0 : 1, 0.8, 1, 3, !metrics.isEmpty()),
        new Cost(
            0.5, 0.12 * targets.size(), 0.9, 5.0, perTarget, "gcp 2026-11 (list prices)", null),
        new Summary.Provenance(
            "0.1.0",
            simulated ? "simulated" : "http://prometheus:9090",
            "2026-11-20T10:25:00Z",
            1));
  }

  /**
   * A results folder: latency-vs-memory with two runs, hello-sim with a simulated run and a failed
   * one.
   *
   * @return the folder ({@code <dir>/results})
   */
  public static Path results(Path dir) {
    Path results = dir.resolve("results");
    Path experiments = results.resolve("experiments");
    SummaryJson.write(
        multiTarget("Latency and memory", 0),
        experiments.resolve("latency-vs-memory/20261120T100100Z-aaaa1111/summary.json"));
    SummaryJson.write(
        multiTarget("Latency and memory", 15),
        experiments.resolve("latency-vs-memory/20261121T100100Z-bbbb2222/summary.json"));
    SummaryJson.write(
        simulated(), experiments.resolve("hello-sim/20261120T100100Z-cccc3333/summary.json"));
    SummaryJson.write(
        failed(), experiments.resolve("hello-sim/20261122T100100Z-dddd4444/summary.json"));
    return results;
  }
}
