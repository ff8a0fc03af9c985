package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.judge.Judge;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.metrics.Collector;
import io.illm.lab.operator.metrics.PrometheusApi;
import io.illm.lab.operator.metrics.PrometheusMetrics;
import io.illm.lab.operator.metrics.SimPrometheus;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.operator.ports.Results;
import io.illm.lab.operator.results.HubFallback;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.Retries;
import io.illm.lab.operator.results.RunSummaries;
import io.illm.lab.operator.results.StoredResults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Where an experiment's numbers come from and go: the metrics port on a Prometheus HTTP API (a real
 * one, or a {@link SimPrometheus} when none is given, which marks the port and every summary
 * simulated), and the results port on a {@link ResultsStore}, with summaries assembled by {@link
 * RunSummaries}. Both announce their ends through {@link #changes()}. {@link #close} stops them.
 */
public final class DataPlane implements AutoCloseable {

  private final SimPrometheus sim;
  private final ScheduledExecutorService scheduler;
  private final PrometheusMetrics prometheus;
  private final StoredResults results;
  private final UnaryOperator<Instant> window;
  private final AtomicReference<Consumer<ExperimentId>> listener = new AtomicReference<>(id -> {});

  private DataPlane(
      SimPrometheus sim,
      ScheduledExecutorService scheduler,
      PrometheusMetrics prometheus,
      StoredResults results,
      UnaryOperator<Instant> window) {
    this.sim = sim;
    this.window = window;
    this.scheduler = scheduler;
    this.prometheus = prometheus;
    this.results = results;
  }

  /**
   * Opens the data plane.
   *
   * @param client the hub, where the experiments' metadata is read
   * @param clock the engine's clock
   * @param prometheus the Prometheus (or VictoriaMetrics) API; empty: a simulated one on loopback
   * @param store where runs are kept
   * @param fallback where runs wait while the store is down (empty: nowhere, they fail after the
   *     deadline)
   * @param retries the store's retry policy
   * @param simulatedLab true when the rest of the lab is simulated (an embedded hub)
   * @param window maps the engine's instants to the metrics source's (identity, unless the engine
   *     runs on a compressed simulated clock and the source is a real Prometheus that knows only
   *     real time)
   */
  public static DataPlane open(
      KubernetesClient client,
      Clock clock,
      Optional<URI> prometheus,
      ResultsStore store,
      Optional<HubFallback> fallback,
      Retries retries,
      boolean simulatedLab,
      UnaryOperator<Instant> window) {
    SimPrometheus sim = null;
    URI source;
    if (prometheus.isPresent()) {
      source = prometheus.get();
    } else {
      try {
        sim = new SimPrometheus(1);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "the simulated Prometheus cannot listen on loopback: " + e.getMessage(), e);
      }
      source = sim.uri();
    }
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "illm-metrics-gate");
              thread.setDaemon(true);
              return thread;
            });
    AtomicReference<Consumer<ExperimentId>> relay = new AtomicReference<>(id -> {});
    PrometheusMetrics metrics =
        new PrometheusMetrics(
            new Collector(
                PrometheusApi.of(source), Collector.workers(8), Collector.DEFAULT_DEADLINE),
            scheduler,
            (spec, collected) -> Judge.judge(spec, collected).verdict().result(),
            DataPlane::repetitions,
            id -> relay.get().accept(id));
    boolean simulated = simulatedLab || sim != null;
    RunSummaries summaries =
        new RunSummaries(
            metrics,
            id -> metadata(client, id),
            CostModel.standard(),
            clock,
            simulated,
            sim != null,
            version());
    StoredResults stored = new StoredResults(store, summaries, fallback, retries, 2);
    DataPlane plane = new DataPlane(sim, scheduler, metrics, stored, window);
    relay.set(id -> plane.listener.get().accept(id));
    stored.subscribe(id -> plane.listener.get().accept(id));
    return plane;
  }

  /** The metrics port; simulated when its Prometheus is. */
  public Metrics metrics() {
    boolean simulated = sim != null;
    return new Metrics() {
      @Override
      public MetricsObservation observe(ExperimentId experiment) {
        return prometheus.observe(experiment);
      }

      @Override
      public void start(ExperimentId experiment, ExperimentSpec spec, CollectMetrics collect) {
        prometheus.start(
            experiment,
            spec,
            new CollectMetrics(
                collect.experiment(),
                window.apply(collect.windowStart()),
                window.apply(collect.windowEnd())));
      }

      @Override
      public void forget(ExperimentId experiment) {
        prometheus.forget(experiment);
      }

      @Override
      public boolean simulated() {
        return simulated;
      }
    };
  }

  /** The results port. */
  public Results results() {
    return results;
  }

  /** The announcements of finished collections and stores. */
  public Changes changes() {
    return listener::set;
  }

  /** The Prometheus API the queries go to. */
  public URI prometheus() {
    return prometheus.source();
  }

  @Override
  public void close() {
    try {
      results.close();
    } finally {
      scheduler.shutdownNow();
      if (sim != null) {
        sim.close();
      }
    }
  }

  private static int repetitions(ExperimentSpec spec) {
    MetricsSpec metrics = spec.getMetrics();
    return metrics == null || metrics.getRepetitions() == null ? 1 : metrics.getRepetitions();
  }

  private static Optional<ObjectMeta> metadata(KubernetesClient client, ExperimentId id) {
    Experiment experiment =
        client.resources(Experiment.class).inNamespace(id.namespace()).withName(id.name()).get();
    return Optional.ofNullable(experiment).map(Experiment::getMetadata);
  }

  /** The lab's version from the jar's manifest, or "dev" when run from classes. */
  static String version() {
    String version = DataPlane.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
