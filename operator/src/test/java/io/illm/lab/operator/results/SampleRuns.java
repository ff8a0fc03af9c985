package io.illm.lab.operator.results;

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
import io.illm.lab.results.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Summaries and runs for the results tests. */
public final class SampleRuns {

  private SampleRuns() {}

  /**
   * A two-target run of {@code name}: per-target cpu with stats, an experiment-wide metric, two
   * criteria.
   */
  public static Summary summary(String name, String uid, String startedAt) {
    Series series =
        new Series(
            new TreeMap<>(Map.of("pod", "app-1")),
            List.of(new Point(1_700_000_000, 1.5), new Point(1_700_000_015, 2.5)));
    MetricResult cpu =
        new MetricResult(
            "cpu",
            "range",
            "cores",
            "CPU",
            null,
            true,
            "insufficient",
            "lower",
            List.of(
                new Sample(
                    "prom",
                    "sum(rate(cpu[5m]))",
                    Outcome.OK,
                    null,
                    List.of(series),
                    List.of(1.9, 2.0, 2.1),
                    new Stats(3, 2.0, 2.0, 1.9, 2.1, 1.9, 2.1, 0.95)),
                new Sample(
                    "vm",
                    "sum(rate(cpu[5m]))",
                    Outcome.OK,
                    null,
                    List.of(series),
                    List.of(1.25),
                    new Stats(1, 1.25, 1.25, 1.25, 1.25, null, null, null))));
    MetricResult errors =
        new MetricResult(
            "errors",
            "instant",
            null,
            null,
            null,
            false,
            "fail",
            null,
            List.of(
                new Sample(
                    null,
                    "sum(errors)",
                    Outcome.ERROR,
                    "bad_data: parse error",
                    List.of(),
                    List.of(),
                    null)));
    return new Summary(
        Summary.SCHEMA_VERSION,
        true,
        new Summary.ExperimentInfo(
            name,
            "experiments",
            uid,
            "sha256:abc",
            "Title",
            null,
            List.of("demo"),
            "vm is leaner",
            null),
        new Summary.RunInfo(
            "Complete",
            "done",
            "2026-11-27T00:00:00Z",
            startedAt,
            "2026-11-27T00:10:00Z",
            new Summary.Window("2026-11-27T00:02:00Z", "2026-11-27T00:07:00Z", 15, 3)),
        List.of(
            new Summary.TargetInfo(
                "prom", "gke", name + "-prom", "us-central1-a", "e2-medium", 1, true, List.of()),
            new Summary.TargetInfo(
                "vm", "gke", name + "-vm", "us-central1-a", "e2-medium", 1, true, List.of())),
        new Summary.WorkflowInfo(name + "-run", "load", "Succeeded", null, null),
        List.of(cpu, errors),
        List.of(),
        new Verdict(
            HypothesisResult.INSUFFICIENT,
            List.of(
                new Verdict.Criterion(
                    "cpu", "vm", "lt", 1.5, 1.25, Verdict.Outcome.PASS, "1.25 < 1.5", null),
                new Verdict.Criterion(
                    "errors",
                    null,
                    "eq",
                    0,
                    null,
                    Verdict.Outcome.MISSING,
                    "query failed: bad_data",
                    null))),
        new Quality(0.5, 0.5, 1, 3, true),
        new Cost(
            0.05,
            0.0123,
            0.08,
            1.0,
            new TreeMap<>(Map.of("prom", 0.006, "vm", 0.0063)),
            "gcp 2026-11 (list)",
            null),
        new Summary.Provenance("0.1.0", "simulated", "2026-11-27T00:09:00Z", 1));
  }

  /** A run of {@code name} with two raw files. */
  static SummarySource.Run run(String name, String uid, String startedAt) {
    return new SummarySource.Run(
        summary(name, uid, startedAt),
        new TreeMap<>(
            Map.of(
                "cpu/prom.json",
                    "{\"status\":\"success\",\"target\":\"prom\"}".getBytes(StandardCharsets.UTF_8),
                "cpu/vm.json",
                    "{\"status\":\"success\",\"target\":\"vm\"}"
                        .getBytes(StandardCharsets.UTF_8))));
  }

  public static RunFiles files(String name, String uid, String startedAt) {
    return RunFiles.of(run(name, uid, startedAt));
  }
}
