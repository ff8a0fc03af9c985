package io.illm.lab.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.adapters.kubernetes.ConfigMapPendingRuns;
import io.illm.lab.operator.adapters.kubernetes.KubernetesChanges;
import io.illm.lab.operator.adapters.s3.S3ResultsStore;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.josdk.ExperimentOperator;
import io.illm.lab.operator.josdk.OperatorMetrics;
import io.illm.lab.operator.josdk.ProbeServer;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.operator.results.PendingRuns;
import io.illm.lab.operator.results.PendingUploads;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.validate.InvalidInputException;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Starts the operator: reads its {@link OperatorConfig}, then wires one {@link Engine} on the
 * {@link KubernetesPorts}, the JOSDK {@link ExperimentOperator}, probes and metrics. Metrics come
 * from the configured Prometheus; results go to S3 (kept in ConfigMaps while it is down) or,
 * without S3, to a folder.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws IOException {
    OperatorConfig config;
    try {
      config = OperatorConfig.from(System.getenv());
    } catch (InvalidInputException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    start(config, new KubernetesClientBuilder().build());
  }

  /** Starts everything on {@code client}; a shutdown hook stops it. */
  static void start(OperatorConfig config, KubernetesClient client) throws IOException {
    String namespace =
        config
            .namespace()
            .orElse(client.getNamespace() == null ? "illm-lab-system" : client.getNamespace());
    Results results = results(config, client, namespace);
    DataPlane data =
        DataPlane.open(
            client,
            Clock.systemUTC(),
            config.prometheus(),
            false,
            results.store(),
            results.fallback(),
            config.retries(),
            false,
            UnaryOperator.identity());
    KubernetesChanges changes = new KubernetesChanges(client, Placement.DEFAULT);
    Ports ports =
        KubernetesPorts.of(
            client,
            Placement.DEFAULT,
            changes,
            data,
            new KubernetesEvents(
                client,
                KubernetesEvents.COMPONENT,
                config.instance(),
                Clock.systemUTC(),
                changes::experiment),
            false);
    OperatorMetrics metrics = new OperatorMetrics();
    Operator operator =
        ExperimentOperator.create(
            client, new Engine(ports, Clock.systemUTC()), config.settings(), metrics);
    changes.start();
    ProbeServer probes = ProbeServer.start(config.settings().probePort(), operator, metrics);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  probes.close();
                  changes.close();
                  data.close();
                  results.uploads().ifPresent(PendingUploads::close);
                },
                "probes-stop"));
    operator.installShutdownHook(Duration.ofSeconds(30));
    operator.start();
  }

  /** Where runs go, where they wait while S3 is down, and what moves them on. */
  private record Results(
      ResultsStore store, Optional<PendingRuns> fallback, Optional<PendingUploads> uploads) {}

  private static Results results(OperatorConfig config, KubernetesClient client, String namespace) {
    if (config.s3().isEmpty()) {
      // no S3: runs are kept in the operator's own folder (mount a volume there to keep them)
      return new Results(
          new FolderResultsStore(config.resultsDir()), Optional.empty(), Optional.empty());
    }
    ResultsStore store =
        S3ResultsStore.open(
            S3ResultsStore.withSecretCredentials(config.s3().get(), client, namespace));
    ConfigMapPendingRuns fallback = new ConfigMapPendingRuns(client, namespace);
    PendingUploads pending = new PendingUploads(fallback, store);
    pending.start(Duration.ofMinutes(1));
    return new Results(store, Optional.of(fallback), Optional.of(pending));
  }
}
