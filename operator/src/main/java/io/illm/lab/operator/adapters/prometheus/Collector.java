package io.illm.lab.operator.adapters.prometheus;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.QueryType;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.Attempt.Raw;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.operator.metrics.QueryPlan.Window;
import io.illm.lab.operator.metrics.Samples;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a {@link QueryPlan} against a Prometheus API: every query in every window at once on a
 * bounded pool of workers shared by all experiments, each request bounded by the API's timeout and
 * retries, the whole collection by a deadline. {@link #collect} returns at once; the caller's
 * thread never waits for a query.
 *
 * <p>A query still unanswered at the deadline becomes an error sample saying so (the worker
 * finishes it in the background and its answer is ignored). A query error is recorded in its sample
 * with the server's message, never dropped.
 */
public final class Collector {

  /** The longest one collection may take: 2 minutes. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);

  private final PrometheusApi api;
  private final ExecutorService workers;
  private final Duration deadline;

  /**
   * A collector sending to {@code api} on {@code workers}, each collection bounded by {@code
   * deadline}.
   */
  public Collector(PrometheusApi api, ExecutorService workers, Duration deadline) {
    this.api = api;
    this.workers = workers;
    this.deadline = deadline;
  }

  /** A pool of {@code threads} daemon workers for collectors (share one per process). */
  public static ExecutorService workers(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread thread = new Thread(r, "illm-metrics-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return Executors.newFixedThreadPool(threads, factory);
  }

  /** The API the collector queries. */
  public PrometheusApi api() {
    return api;
  }

  /**
   * Collects {@code plan} once; the future completes within the deadline and never exceptionally.
   */
  public CompletableFuture<Attempt> collect(QueryPlan plan, int number) {
    Instant until = Instant.now().plus(deadline);
    List<List<List<CompletableFuture<Answer>>>> answers = new ArrayList<>();
    List<CompletableFuture<Answer>> all = new ArrayList<>();
    for (PlannedMetric metric : plan.metrics()) {
      List<List<CompletableFuture<Answer>>> perSample = new ArrayList<>();
      for (PlannedSample sample : metric.samples()) {
        List<CompletableFuture<Answer>> perWindow = new ArrayList<>();
        if (sample.problem() == null) {
          for (Window window : plan.windows()) {
            CompletableFuture<Answer> answer = send(plan, metric, sample, window, until);
            perWindow.add(answer);
            all.add(answer);
          }
        }
        perSample.add(perWindow);
      }
      answers.add(perSample);
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(done -> fold(plan, number, answers));
  }

  private CompletableFuture<Answer> send(
      QueryPlan plan, PlannedMetric metric, PlannedSample sample, Window window, Instant until) {
    boolean last = window.index() == plan.windows().size() - 1;
    // A window's end is the next one's start: leave that instant to the next, so no point counts
    // twice.
    Instant end = last ? window.end() : window.end().minusMillis(1);
    return CompletableFuture.supplyAsync(
            () ->
                metric.type() == QueryType.RANGE
                    ? api.range(sample.query(), window.start(), end, plan.step(), until)
                    : api.instant(sample.query(), window.end(), until),
            workers)
        .exceptionally(e -> Answer.unanswered("the query could not run: " + e))
        .completeOnTimeout(
            Answer.unanswered(PrometheusApi.DEADLINE_PASSED),
            Math.max(1, Duration.between(Instant.now(), until).toMillis()),
            TimeUnit.MILLISECONDS);
  }

  private static Attempt fold(
      QueryPlan plan, int number, List<List<List<CompletableFuture<Answer>>>> answers) {
    Tally tally = new Tally();
    List<MetricResult> metrics = new ArrayList<>();
    for (int m = 0; m < plan.metrics().size(); m++) {
      PlannedMetric metric = plan.metrics().get(m);
      List<Sample> samples = new ArrayList<>();
      for (int s = 0; s < metric.samples().size(); s++) {
        List<Answer> windows = answers.get(m).get(s).stream().map(CompletableFuture::join).toList();
        samples.add(tally.sample(metric, metric.samples().get(s), windows));
      }
      metrics.add(
          new MetricResult(
              metric.name(),
              metric.type().value(),
              metric.unit(),
              metric.description(),
              metric.group(),
              metric.perTarget(),
              metric.onEmpty().value(),
              null,
              samples));
    }
    return tally.attempt(number, metrics);
  }

  /** What the samples of one attempt add up to, for the gate. */
  private static final class Tally {
    private final List<String> failures = new ArrayList<>();
    private final List<Raw> raw = new ArrayList<>();
    private int samples;
    private int covered;
    private int sent;
    private int answered;
    private int dropped;
    private String unreachable;

    Sample sample(PlannedMetric metric, PlannedSample planned, List<Answer> windows) {
      for (int w = 0; w < windows.size(); w++) {
        Answer answer = windows.get(w);
        sent++;
        dropped += answer.dropped();
        if (answer.answered()) {
          answered++;
        } else if (unreachable == null) {
          unreachable = answer.error();
        }
        if (answer.body() != null) {
          raw.add(new Raw(metric.name(), planned.target(), w, answer.body()));
        }
      }
      Sample sample = Samples.of(metric, planned, windows);
      samples++;
      if (Samples.covered(sample, metric.onEmpty())) {
        covered++;
      } else if (metric.onEmpty() == EmptyResult.FAIL) {
        failures.add(
            metric.name()
                + (planned.target() == null ? "" : " (target " + planned.target() + ")")
                + ": "
                + (sample.error() != null ? sample.error() : "empty result")
                + ", and onEmpty is fail");
      }
      return sample;
    }

    Attempt attempt(int number, List<MetricResult> metrics) {
      double coverage = samples == 0 ? 0 : (double) covered / samples;
      return new Attempt(
          number,
          metrics,
          coverage,
          failures,
          sent > 0 && answered == 0 ? unreachable : null,
          dropped,
          raw);
    }
  }
}
