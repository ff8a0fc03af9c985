package io.illm.lab.operator.main;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.operator.adapters.kubernetes.ConfigMapCheckpoints;
import io.illm.lab.operator.adapters.prometheus.Collector;
import io.illm.lab.operator.adapters.prometheus.PrometheusApi;
import io.illm.lab.operator.adapters.prometheus.PrometheusMetrics;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.judge.Judge;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.operator.ports.Results;
import io.illm.lab.operator.results.PendingRuns;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.Retries;
import io.illm.lab.operator.results.RunSummaries;
import io.illm.lab.operator.results.StoredResults;
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
 * Where an experiment's numbers come from and go: the metrics port on a Prometheus HTTP API (real,
 * or a simulated one that the caller started and names as such, which marks the port and every
 * summary simulated), and the results port on a {@link ResultsStore}, with summaries assembled by
 * {@link RunSummaries}. Both announce their ends through {@link #changes()}. {@link #close} stops
 * them.
 */
public final class DataPlane implements AutoCloseable {

  private final boolean simulatedSource;
  private final ScheduledExecutorService scheduler;
  private final PrometheusMetrics prometheus;
  private final StoredResults results;
  private final UnaryOperator<Instant> window;
  private final AtomicReference<Consumer<ExperimentId>> listener = new AtomicReference<>(id -> {});

  private DataPlane(
      boolean simulatedSource,
      ScheduledExecutorService scheduler,
      PrometheusMetrics prometheus,
      StoredResults results,
      UnaryOperator<Instant> window) {
    this.simulatedSource = simulatedSource;
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
   * @param prometheus the Prometheus (or VictoriaMetrics) HTTP API
   * @param simulatedSource true when that API is a simulated one: its numbers are not measurements
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
      URI prometheus,
      boolean simulatedSource,
      ResultsStore store,
      Optional<PendingRuns> fallback,
      Retries retries,
      boolean simulatedLab,
      UnaryOperator<Instant> window) {
    URI source = prometheus;
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
            id -> relay.get().accept(id),
            new ConfigMapCheckpoints(client),
            simulatedSource);
    boolean simulated = simulatedLab || simulatedSource;
    RunSummaries summaries =
        new RunSummaries(
            id -> metadata(client, id), CostModel.standard(), clock, simulated, version());
    StoredResults stored = new StoredResults(store, summaries, fallback, retries, 2);
    DataPlane plane = new DataPlane(simulatedSource, scheduler, metrics, stored, window);
    relay.set(id -> plane.listener.get().accept(id));
    stored.subscribe(id -> plane.listener.get().accept(id));
    return plane;
  }

  /** The metrics port; simulated when its Prometheus is. */
  public Metrics metrics() {
    boolean simulated = simulatedSource;
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
