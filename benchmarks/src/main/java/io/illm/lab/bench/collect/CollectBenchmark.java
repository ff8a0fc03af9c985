package io.illm.lab.bench.collect;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.Target;
import io.illm.lab.operator.adapters.prometheus.Collector;
import io.illm.lab.operator.adapters.prometheus.PrometheusApi;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

/**
 * How long one collection of 20 queries on 3 targets (60 requests: 10 instant, 10 range over a
 * 2-minute window) takes against a real Prometheus, next to the same 60 requests sent one after the
 * other with a bare {@link HttpClient} in the same run.
 *
 * <p>Arguments: {@code [--runs R] [--warmup W] [--workers N]} (default 7 runs, 2 warm-ups, 8
 * workers). The two are measured alternately, so a change in machine load hits both.
 */
public final class CollectBenchmark {

  static final int QUERIES = 20;
  static final int TARGETS = 3;

  public static void main(String[] args) throws Exception {
    int runs = option(args, "--runs", 7);
    int warmup = option(args, "--warmup", 2);
    int threads = option(args, "--workers", 8);
    System.err.println("starting prometheus and waiting for 3 scrapes...");
    try (PrometheusProcess prometheus = PrometheusProcess.start(QUERIES / 2, TARGETS, 3)) {
      // Range queries over 2 minutes read mostly empty time before the first scrape: that is fine,
      // the cost of a query is the point here, not its value.
      Instant end = Instant.now();
      QueryPlan plan = QueryPlan.of("bench", spec(), end.minusSeconds(120), end, 1);
      ExecutorService workers = Collector.workers(threads);
      Collector collector =
          new Collector(PrometheusApi.of(prometheus.uri), workers, Duration.ofSeconds(30));
      HttpClient bare = HttpClient.newHttpClient();
      List<URI> uris = uris(prometheus.uri, plan);
      check(collector.collect(plan, 1).join());
      double[] ours = new double[runs];
      double[] baseline = new double[runs];
      for (int i = -warmup; i < runs; i++) {
        long t0 = System.nanoTime();
        Attempt attempt = collector.collect(plan, 1).join();
        long t1 = System.nanoTime();
        for (URI uri : uris) {
          HttpResponse<String> response =
              bare.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() != 200) {
            throw new IllegalStateException(
                uri + ": HTTP " + response.statusCode() + " " + response.body());
          }
        }
        long t2 = System.nanoTime();
        if (i >= 0) {
          check(attempt);
          ours[i] = (t1 - t0) / 1e6;
          baseline[i] = (t2 - t1) / 1e6;
        }
      }
      workers.shutdownNow();
      print(runs, warmup, threads, uris.size(), ours, baseline);
    }
  }

  static ExperimentSpec spec() {
    List<MetricQuery> queries = new ArrayList<>();
    for (int q = 0; q < QUERIES; q++) {
      String n = String.format(Locale.ROOT, "%02d", q / 2);
      boolean instant = q % 2 == 0;
      String query =
          instant
              ? "sum(rate(bench_requests_" + n + "_total{target=\"$TARGET\"}[$DURATION]))"
              : "sum(bench_level_" + n + "{target=\"$TARGET\"})";
      queries.add(
          new MetricQuery(
              "q" + q,
              query,
              instant ? QueryType.INSTANT : QueryType.RANGE,
              null,
              null,
              null,
              true,
              null));
    }
    List<Target> targets = new ArrayList<>();
    for (int t = 0; t < TARGETS; t++) {
      ClusterSpec cluster = new ClusterSpec();
      cluster.setProvider(Provider.HUB);
      targets.add(new Target("t" + t, cluster, List.of(), null, List.of()));
    }
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(targets);
    spec.setMetrics(new MetricsSpec(queries, null));
    return spec;
  }

  /** The requests the collector sends for {@code plan}, as URIs, for the baseline. */
  static List<URI> uris(URI base, QueryPlan plan) {
    QueryPlan.Window window = plan.windows().get(0);
    List<URI> uris = new ArrayList<>();
    for (PlannedMetric metric : plan.metrics()) {
      for (PlannedSample sample : metric.samples()) {
        String q = URLEncoder.encode(sample.query(), StandardCharsets.UTF_8);
        uris.add(
            URI.create(
                metric.type() == QueryType.INSTANT
                    ? base + "/api/v1/query?query=" + q + "&time=" + window.end().getEpochSecond()
                    : base
                        + "/api/v1/query_range?query="
                        + q
                        + "&start="
                        + window.start().getEpochSecond()
                        + "&end="
                        + window.end().getEpochSecond()
                        + "&step="
                        + plan.step().toSeconds()
                        + "s"));
      }
    }
    return uris;
  }

  private static void check(Attempt attempt) {
    for (MetricResult metric : attempt.metrics()) {
      for (MetricResult.Sample sample : metric.samples()) {
        if (sample.outcome() != Outcome.OK) {
          throw new IllegalStateException(
              metric.name()
                  + " "
                  + sample.target()
                  + ": "
                  + sample.outcome()
                  + " "
                  + sample.error());
        }
      }
    }
  }

  private static void print(
      int runs, int warmup, int threads, int requests, double[] ours, double[] baseline) {
    System.out.printf(
        Locale.ROOT,
        "collection of %d queries x %d targets = %d requests against a real Prometheus;"
            + " %d runs after %d warm-ups; %d workers; %d CPUs%n%n",
        QUERIES,
        TARGETS,
        requests,
        runs,
        warmup,
        threads,
        Runtime.getRuntime().availableProcessors());
    System.out.println("| program | median ms | min ms | max ms |");
    System.out.println("|---|---:|---:|---:|");
    row("Collector (concurrent, parsed into samples)", ours);
    row("bare HttpClient, sequential, body as a string", baseline);
    System.out.printf(
        Locale.ROOT,
        "%nmedian ratio collector / baseline: %.2f; goal < 1000 ms: %s%n",
        median(ours) / median(baseline),
        median(ours) < 1000 ? "met" : "NOT met");
  }

  private static void row(String name, double[] ms) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f | %.1f | %.1f |%n",
        name,
        median(ms),
        Arrays.stream(ms).min().orElse(0),
        Arrays.stream(ms).max().orElse(0));
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static int option(String[] args, String name, int otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return otherwise;
  }
}
