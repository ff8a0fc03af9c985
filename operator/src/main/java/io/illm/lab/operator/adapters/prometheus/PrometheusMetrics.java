package io.illm.lab.operator.adapters.prometheus;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.Attempt;
import io.illm.lab.operator.metrics.Attempts;
import io.illm.lab.operator.metrics.Checkpoints;
import io.illm.lab.operator.metrics.Checkpoints.Saved;
import io.illm.lab.operator.metrics.Gate;
import io.illm.lab.operator.metrics.QueryPlan;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Quality;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The metrics port on a Prometheus HTTP API (Prometheus, VictoriaMetrics, or the hub's simulated
 * one).
 *
 * <p>{@link #start} plans the collection ({@link QueryPlan}) and hands it to the {@link Collector};
 * it returns at once. Every window whose queries are all answered is kept in the {@link
 * Checkpoints} before the attempt ends. When an attempt ends, the verdict comes from the judge and
 * the {@link Gate} decides: keep it, or collect again after the gate's delay (scheduled, never
 * slept). When the last attempt is kept, {@link #observe} says DONE with the verdict and what was
 * {@link Collected} (FAILED when the source answered no query, or a metric with {@code onEmpty:
 * fail} had no data) and {@code changed} is called with the experiment, so the engine decides again
 * at once.
 *
 * <p>A restarted operator resumes: {@link #observe} reports what the checkpoints hold (NOT_STARTED,
 * with what was collected so far, which a Failed run stores), and {@link #start} continues the same
 * plan from its last attempt without asking again for the windows kept.
 */
public final class PrometheusMetrics implements Metrics {

  private static final Logger LOG = LoggerFactory.getLogger(PrometheusMetrics.class);

  private final Collector collector;
  private final ScheduledExecutorService scheduler;
  private final BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge;
  private final ToIntFunction<ExperimentSpec> repetitions;
  private final Consumer<ExperimentId> changed;
  private final Checkpoints checkpoints;
  private final String source;
  private final Map<ExperimentId, Run> runs = new ConcurrentHashMap<>();
  private final Map<ExperimentId, Optional<Saved>> recovered = new ConcurrentHashMap<>();

  /**
   * @param collector sends the queries (its worker pool may be shared)
   * @param scheduler runs the judge and schedules re-collections (one thread is plenty)
   * @param judge the verdict on the spec's hypothesis from the collected metrics
   * @param repetitions the number of repetition windows of an experiment (1: the whole window)
   * @param changed told when an experiment's collection has finished; must not block
   * @param checkpoints where finished windows are kept across restarts
   * @param simulatedSource true when the API is a simulated one: what it answers is labelled so
   */
  public PrometheusMetrics(
      Collector collector,
      ScheduledExecutorService scheduler,
      BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge,
      ToIntFunction<ExperimentSpec> repetitions,
      Consumer<ExperimentId> changed,
      Checkpoints checkpoints,
      boolean simulatedSource) {
    this.collector = collector;
    this.scheduler = scheduler;
    this.judge = judge;
    this.repetitions = repetitions;
    this.changed = changed;
    this.checkpoints = checkpoints;
    this.source = simulatedSource ? "simulated" : collector.api().base().toString();
  }

  /**
   * The port on the API at {@code source} with the defaults: 8 workers, {@link
   * PrometheusApi.Retries#DEFAULT}, {@link Collector#DEFAULT_DEADLINE}, one repetition window, no
   * checkpoints; threads are daemons.
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
        changed,
        Checkpoints.NONE,
        false);
  }

  @Override
  public MetricsObservation observe(ExperimentId experiment) {
    Run run = runs.get(experiment);
    if (run != null) {
      return run.observation;
    }
    return recovered(experiment)
        .map(
            saved ->
                new MetricsObservation(
                    MetricsState.NOT_STARTED,
                    null,
                    "a collection was under way before a restart; it resumes with "
                        + saved.windows().size()
                        + " windows kept",
                    partial(null, saved.plan(), saved.attempt(), saved.windows())))
        .orElse(MetricsObservation.NOT_STARTED);
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
          Optional<Saved> saved = recovered(id).filter(s -> s.plan().equals(plan));
          if (saved.isEmpty() && recovered(id).isPresent()) {
            checkpoints.clear(id); // the plan changed: what was kept describes another run
          }
          int attempt = saved.map(Saved::attempt).orElse(1);
          run.attempt = attempt;
          saved.ifPresent(s -> run.windows.putAll(s.windows()));
          recovered.remove(id);
          scheduler.execute(() -> attempt(run, attempt));
          return run;
        });
  }

  /**
   * Forgets {@code experiment}'s collection and drops its checkpoints (when the experiment is
   * deleted, so a new one of its name collects afresh).
   */
  @Override
  public void forget(ExperimentId experiment) {
    runs.remove(experiment);
    recovered.remove(experiment);
    checkpoints.clear(experiment);
  }

  @Override
  public boolean simulated() {
    return "simulated".equals(source);
  }

  /** The Prometheus API the queries go to. */
  public URI source() {
    return collector.api().base();
  }

  private Optional<Saved> recovered(ExperimentId id) {
    return recovered.computeIfAbsent(id, this::load);
  }

  private Optional<Saved> load(ExperimentId id) {
    try {
      return checkpoints.load(id);
    } catch (RuntimeException e) {
      LOG.warn("metrics of {}: the checkpoints could not be read: {}", id, e.toString());
      return Optional.empty();
    }
  }

  private void attempt(Run run, int number) {
    if (run.attempt != number) {
      run.windows.clear(); // a new attempt collects every window again
    }
    run.attempt = number;
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
                + ")",
            run.windows.isEmpty() ? null : partial(run, run.plan, number, run.windows));
    collector
        .collect(run.plan, number, Map.copyOf(run.windows), (w, a) -> kept(run, number, w, a))
        .whenCompleteAsync((attempt, error) -> judged(run, attempt, error), scheduler);
  }

  /** A window is finished: keep it, and let a failing run store what there is so far. */
  private void kept(Run run, int number, int window, Map<String, Answer> answers) {
    try {
      checkpoints.save(run.id, run.plan, number, window, answers);
    } catch (RuntimeException e) {
      LOG.warn("metrics of {}: window {} could not be kept: {}", run.id, window, e.toString());
    }
    run.windows.put(window, answers);
    MetricsObservation now = run.observation;
    if (now.state() == MetricsState.RUNNING) {
      run.observation =
          new MetricsObservation(
              now.state(), null, now.message(), partial(run, run.plan, number, run.windows));
    }
  }

  /** What the finished windows hold so far; not judged (the summary judges what it stores). */
  private Collected partial(
      Run run, QueryPlan plan, int attempt, SortedMap<Integer, Map<String, Answer>> windows) {
    Attempt folded = Attempts.fold(plan, attempt, windows);
    Gate gate = run == null ? new Gate(false, 1, 0, Duration.ZERO) : run.gate;
    return Attempts.collected(
        plan, folded, gate, false, null, windows.size() == plan.windows().size(), source);
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
      finish(run, null, null, "judging the metrics failed: " + e);
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
                  + " s",
              run.observation.collected());
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
    Collected collected =
        Attempts.collected(run.plan, attempt, run.gate, passed, verdict, true, source);
    finish(run, collected, verdict, failure);
  }

  private void finish(Run run, Collected collected, HypothesisResult verdict, String failure) {
    if (failure != null) {
      run.observation =
          new MetricsObservation(
              MetricsState.FAILED,
              null,
              failure,
              collected != null ? collected : run.observation.collected());
    } else {
      Quality q = collected.quality();
      run.observation =
          new MetricsObservation(
              MetricsState.DONE,
              verdict,
              collected.metrics().size()
                  + " metrics from "
                  + collected.source()
                  + ", coverage "
                  + percent(q.coverage())
                  + " after "
                  + q.attempt()
                  + " attempt"
                  + (q.attempt() == 1 ? "" : "s")
                  + (run.gate.enabled() && !q.passed() ? " (quality gate not passed)" : ""),
              collected);
    }
    changed.accept(run.id);
  }

  private static String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  /** One experiment's collection; written by the scheduler and workers, read by observers. */
  private static final class Run {
    final ExperimentId id;
    final ExperimentSpec spec;
    final QueryPlan plan;
    final Gate gate;
    final SortedMap<Integer, Map<String, Answer>> windows = new ConcurrentSkipListMap<>();
    volatile int attempt;
    volatile MetricsObservation observation;

    Run(ExperimentId id, ExperimentSpec spec, QueryPlan plan, Gate gate) {
      this.id = id;
      this.spec = spec;
      this.plan = plan;
      this.gate = gate;
      this.observation = new MetricsObservation(MetricsState.RUNNING, null, "collection scheduled");
    }
  }
}
