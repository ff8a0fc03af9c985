package io.illm.lab.operator.adapters.prometheus;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.Collection;
import io.illm.lab.operator.metrics.Gate;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.results.MetricResult;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/**
 * The metrics port on a Prometheus HTTP API (Prometheus, VictoriaMetrics, or {@link
 * SimPrometheus}).
 *
 * <p>{@link #start} plans the collection ({@link QueryPlan}) and hands it to the {@link Collector};
 * it returns at once. When an attempt ends, the verdict comes from the judge and the {@link Gate}
 * decides: keep it, or collect again after the gate's delay (scheduled, never slept). When the last
 * attempt is kept, {@link #observe} says DONE with the verdict (FAILED when the source answered no
 * query, or a metric with {@code onEmpty: fail} had no data) and {@code changed} is called with the
 * experiment, so the engine decides again at once.
 *
 * <p>Kept in memory per experiment, like every port's view of work it started: a restarted operator
 * observes NOT_STARTED and the lifecycle starts the collection again.
 */
public final class PrometheusMetrics implements Metrics {

  private final Collector collector;
  private final ScheduledExecutorService scheduler;
  private final BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge;
  private final ToIntFunction<ExperimentSpec> repetitions;
  private final Consumer<ExperimentId> changed;
  private final Map<ExperimentId, Run> runs = new ConcurrentHashMap<>();

  /**
   * @param collector sends the queries (its worker pool may be shared)
   * @param scheduler runs the judge and schedules re-collections (one thread is plenty)
   * @param judge the verdict on the spec's hypothesis from the collected metrics
   * @param repetitions the number of repetition windows of an experiment (1: the whole window)
   * @param changed told when an experiment's collection has finished; must not block
   */
  public PrometheusMetrics(
      Collector collector,
      ScheduledExecutorService scheduler,
      BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge,
      ToIntFunction<ExperimentSpec> repetitions,
      Consumer<ExperimentId> changed) {
    this.collector = collector;
    this.scheduler = scheduler;
    this.judge = judge;
    this.repetitions = repetitions;
    this.changed = changed;
  }

  /**
   * The port on the API at {@code source} with the defaults: 8 workers, {@link
   * PrometheusApi.Retries#DEFAULT}, {@link Collector#DEFAULT_DEADLINE}, one repetition window;
   * threads are daemons.
   */
  public static PrometheusMetrics of(
      URI source,
      BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge,
      Consumer<ExperimentId> changed) {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "illm-metrics-gate");
              thread.setDaemon(true);
              return thread;
            });
    return new PrometheusMetrics(
        new Collector(PrometheusApi.of(source), Collector.workers(8), Collector.DEFAULT_DEADLINE),
        scheduler,
        judge,
        spec -> 1,
        changed);
  }

  @Override
  public MetricsObservation observe(ExperimentId experiment) {
    Run run = runs.get(experiment);
    return run == null ? MetricsObservation.NOT_STARTED : run.observation;
  }

  @Override
  public void start(ExperimentId experiment, ExperimentSpec spec, CollectMetrics collect) {
    runs.computeIfAbsent(
        experiment,
        id -> {
          QueryPlan plan =
              QueryPlan.of(
                  id.name(),
                  spec,
                  collect.windowStart(),
                  collect.windowEnd(),
                  Math.max(1, repetitions.applyAsInt(spec)));
          Run run = new Run(id, spec, plan, Gate.of(spec));
          scheduler.execute(() -> attempt(run, 1));
          return run;
        });
  }

  /** The last collection of {@code experiment}, once finished. */
  public Optional<Collection> collected(ExperimentId experiment) {
    Run run = runs.get(experiment);
    return Optional.ofNullable(run == null ? null : run.collection);
  }

  /**
   * Forgets {@code experiment}'s collection (when the experiment is deleted, or to collect it
   * anew).
   */
  @Override
  public void forget(ExperimentId experiment) {
    runs.remove(experiment);
  }

  /** The Prometheus API the queries go to. */
  public URI source() {
    return collector.api().base();
  }

  private void attempt(Run run, int number) {
    run.observation =
        new MetricsObservation(
            MetricsState.RUNNING,
            null,
            "collecting "
                + run.plan.sampleCount()
                + " queries from "
                + source()
                + " (attempt "
                + number
                + " of "
                + run.gate.maxAttempts()
                + ")");
    collector
        .collect(run.plan, number)
        .whenCompleteAsync((attempt, error) -> judged(run, attempt, error), scheduler);
  }

  private void judged(Run run, Attempt attempt, Throwable error) {
    if (error != null) {
      finish(run, null, null, "collecting the metrics failed: " + error);
      return;
    }
    HypothesisResult verdict;
    try {
      verdict = judge.apply(run.spec, attempt.metrics());
    } catch (RuntimeException e) {
      finish(run, attempt, null, "judging the metrics failed: " + e);
      return;
    }
    boolean passed = run.gate.passes(attempt, verdict);
    if (!passed && run.gate.retries(attempt.number())) {
      run.observation =
          new MetricsObservation(
              MetricsState.RUNNING,
              null,
              "attempt "
                  + attempt.number()
                  + " had coverage "
                  + percent(attempt.coverage())
                  + "; collecting again in "
                  + run.gate.delay().toSeconds()
                  + " s");
      scheduler.schedule(
          () -> attempt(run, attempt.number() + 1),
          run.gate.delay().toMillis(),
          TimeUnit.MILLISECONDS);
      return;
    }
    String failure =
        attempt.unreachable() != null
            ? "no query was answered by " + source() + ": " + attempt.unreachable()
            : !attempt.failures().isEmpty() ? String.join("; ", attempt.failures()) : null;
    run.collection =
        new Collection(
            attempt.metrics(),
            run.plan.summaryWindow(),
            source().toString(),
            attempt.number(),
            attempt.coverage(),
            run.gate,
            passed,
            verdict,
            failure,
            Instant.now(),
            attempt.dropped(),
            attempt.raw());
    finish(run, attempt, verdict, failure);
  }

  private void finish(Run run, Attempt attempt, HypothesisResult verdict, String failure) {
    if (failure != null) {
      run.observation = new MetricsObservation(MetricsState.FAILED, null, failure);
    } else {
      Collection c = run.collection;
      run.observation =
          new MetricsObservation(
              MetricsState.DONE,
              verdict,
              c.metrics().size()
                  + " metrics from "
                  + c.source()
                  + ", coverage "
                  + percent(c.coverage())
                  + " after "
                  + c.attempts()
                  + " attempt"
                  + (c.attempts() == 1 ? "" : "s")
                  + (c.gate().enabled() && !c.gatePassed() ? " (quality gate not passed)" : ""));
    }
    changed.accept(run.id);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /**
   * One experiment's collection; its fields are written by the scheduler thread and read by
   * observers.
   */
  private static final class Run {
    final ExperimentId id;
    final ExperimentSpec spec;
    final QueryPlan plan;
    final Gate gate;
    volatile MetricsObservation observation;
    volatile Collection collection;

    Run(ExperimentId id, ExperimentSpec spec, QueryPlan plan, Gate gate) {
      this.id = id;
      this.spec = spec;
      this.plan = plan;
      this.gate = gate;
      this.observation = new MetricsObservation(MetricsState.RUNNING, null, "collection scheduled");
    }
  }
}
