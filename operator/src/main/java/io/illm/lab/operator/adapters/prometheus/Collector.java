package io.illm.lab.operator.adapters.prometheus;

import io.illm.lab.model.QueryType;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.Attempts;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.operator.metrics.QueryPlan.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

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

  /** Collects {@code plan} once, from the start, keeping no window. */
  public CompletableFuture<Attempt> collect(QueryPlan plan, int number) {
    return collect(plan, number, Map.of(), (window, answers) -> {});
  }

  /**
   * Collects {@code plan} once; the future completes within the deadline and never exceptionally.
   *
   * @param done windows finished before (a resumed collection): their answers are used as they are
   *     and not asked again
   * @param finished told of each window as all its queries are answered (the caller keeps it); the
   *     attempt completes only after it returned for every such window, so a window is kept before
   *     anyone hears that the attempt ended
   */
  public CompletableFuture<Attempt> collect(
      QueryPlan plan,
      int number,
      Map<Integer, Map<String, Answer>> done,
      BiConsumer<Integer, Map<String, Answer>> finished) {
    Instant until = Instant.now().plus(deadline);
    SortedMap<Integer, Map<String, CompletableFuture<Answer>>> windows = new TreeMap<>();
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (Window window : plan.windows()) {
      Map<String, Answer> kept = done.get(window.index());
      Map<String, CompletableFuture<Answer>> answers = new TreeMap<>();
      for (PlannedMetric metric : plan.metrics()) {
        for (PlannedSample sample : metric.samples()) {
          if (sample.problem() == null) {
            String key = Attempts.key(metric, sample);
            Answer before = kept == null ? null : kept.get(key);
            answers.put(
                key,
                before != null
                    ? CompletableFuture.completedFuture(before)
                    : send(plan, metric, sample, window, until));
          }
        }
      }
      all.addAll(answers.values());
      if (kept == null) {
        all.add(
            whenAnswered(answers)
                .thenAccept(a -> a.ifPresent(found -> finished.accept(window.index(), found)))
                .exceptionally(e -> null));
      }
      windows.put(window.index(), answers);
    }
    return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .thenApply(ignored -> Attempts.fold(plan, number, joined(windows)));
  }

  /** The window's answers once all are in, when every one was answered; else empty. */
  private static CompletableFuture<Optional<Map<String, Answer>>> whenAnswered(
      Map<String, CompletableFuture<Answer>> window) {
    return CompletableFuture.allOf(window.values().toArray(CompletableFuture[]::new))
        .thenApply(
            ignored -> {
              Map<String, Answer> answers = new TreeMap<>();
              window.forEach((key, answer) -> answers.put(key, answer.join()));
              boolean all = answers.values().stream().allMatch(Answer::answered);
              return all ? Optional.of(answers) : Optional.empty();
            });
  }

  private static SortedMap<Integer, Map<String, Answer>> joined(
      SortedMap<Integer, Map<String, CompletableFuture<Answer>>> windows) {
    SortedMap<Integer, Map<String, Answer>> answers = new TreeMap<>();
    windows.forEach(
        (index, window) -> {
          Map<String, Answer> byKey = new TreeMap<>();
          window.forEach((key, answer) -> byKey.put(key, answer.join()));
          answers.put(index, byKey);
        });
    return answers;
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
}
