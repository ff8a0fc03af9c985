package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.illm.lab.operator.adapters.KubernetesChanges;
import io.illm.lab.operator.adapters.KubernetesComponents;
import io.illm.lab.operator.adapters.Placement;
import io.illm.lab.operator.adapters.argocd.ArgoCdKubernetesDeployments;
import io.illm.lab.operator.adapters.argoworkflows.ArgoKubernetesWorkflows;
import io.illm.lab.operator.adapters.crossplane.KubernetesClusters;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.operator.results.FolderResultsStore;
import io.illm.lab.operator.results.HubFallback;
import io.illm.lab.operator.results.PendingUploads;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.Retries;
import io.illm.lab.operator.results.S3ResultsStore;
import io.illm.lab.operator.results.S3Settings;
import io.illm.lab.validate.InvalidInputException;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Starts the operator: one {@link Engine} on the {@link #kubernetesPorts Kubernetes ports}, one
 * {@link ExperimentReconciler}, probes and metrics. Clusters, deployments, workflows and the
 * component catalogue are Crossplane, ArgoCD and Argo Workflows through the API server; events are
 * Kubernetes Events. Metrics come from {@code ILLM_PROMETHEUS_URL} (unset: a simulated Prometheus,
 * and every run says {@code simulated: true}); results go to S3 ({@code ILLM_RESULTS_S3}, see
 * {@link S3Settings}), kept in ConfigMaps while it is down, or without S3 to {@code
 * ILLM_RESULTS_DIR}.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorSettings settings;
    Optional<S3Settings> s3;
    try {
      settings = OperatorSettings.from(System.getenv());
      s3 = S3Settings.from(System.getenv());
    } catch (IllegalArgumentException | InvalidInputException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    OperatorMetrics metrics = new OperatorMetrics();
    KubernetesClient client = new KubernetesClientBuilder().build();
    String namespace =
        Optional.ofNullable(System.getenv("ILLM_NAMESPACE"))
            .filter(s -> !s.isBlank())
            .orElse(client.getNamespace() == null ? "illm-lab-system" : client.getNamespace());
    ResultsStore store;
    Optional<HubFallback> fallback = Optional.empty();
    PendingUploads pending = null;
    if (s3.isPresent()) {
      store =
          S3ResultsStore.open(S3ResultsStore.withSecretCredentials(s3.get(), client, namespace));
      fallback = Optional.of(new HubFallback(client, namespace));
      pending = new PendingUploads(fallback.get(), store);
      pending.start(Duration.ofMinutes(1));
    } else {
      // no S3: runs are kept in the operator's own folder (mount a volume there to keep them)
      store =
          new FolderResultsStore(
              Path.of(
                  Optional.ofNullable(System.getenv("ILLM_RESULTS_DIR"))
                      .orElse("/var/lib/illm-lab/results")));
    }
    // no Prometheus given: a simulated one, and every run says simulated
    Optional<URI> prometheus =
        Optional.ofNullable(System.getenv("ILLM_PROMETHEUS_URL"))
            .filter(s -> !s.isBlank())
            .map(URI::create);
    DataPlane data =
        DataPlane.open(
            client,
            Clock.systemUTC(),
            prometheus,
            store,
            fallback,
            Retries.from(System.getenv()),
            false,
            UnaryOperator.identity());
    KubernetesChanges changes = new KubernetesChanges(client, Placement.DEFAULT);
    Ports ports = kubernetesPorts(client, Placement.DEFAULT, changes, data, false);
    Operator operator = operator(client, new Engine(ports, Clock.systemUTC()), settings, metrics);
    changes.start();
    ProbeServer probes = ProbeServer.start(settings.probePort(), operator, metrics);
    PendingUploads uploads = pending;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  probes.close();
                  changes.close();
                  data.close();
                  if (uploads != null) {
                    uploads.close();
                  }
                },
                "probes-stop"));
    operator.installShutdownHook(Duration.ofSeconds(30));
    operator.start();
  }

  /**
   * The Kubernetes ports: clusters (Crossplane claims, ArgoCD cluster Secrets), deployments (ArgoCD
   * Applications), workflows (Argo Workflows), the component catalogue (Component objects),
   * Kubernetes Events, and the children's announcements ({@code changes}, to be started by the
   * caller), whose informer caches the observations read once synced (ADR-011); metrics and results
   * from {@code data}, whose announcements are heard too.
   *
   * @param simulatedWorld true on the embedded hub, where simulated controllers answer the adapters
   */
  public static Ports kubernetesPorts(
      KubernetesClient client,
      Placement placement,
      KubernetesChanges changes,
      DataPlane data,
      boolean simulatedWorld) {
    return new Ports(
        new KubernetesClusters(client, placement, changes),
        new ArgoCdKubernetesDeployments(client, placement, changes),
        new ArgoKubernetesWorkflows(client, placement, changes),
        data.metrics(),
        data.results(),
        new KubernetesEvents(client),
        new KubernetesComponents(client, changes),
        Changes.all(changes, data.changes()),
        simulatedWorld);
  }

  /** The operator with the experiment reconciler registered, not yet started. */
  public static Operator operator(
      KubernetesClient client, Engine engine, OperatorSettings settings, OperatorMetrics metrics) {
    return operator(
        client,
        engine,
        settings,
        metrics,
        new StartedFirstExecutor(settings.concurrency(), StartedFirstExecutor.HEAD_START));
  }

  /**
   * {@link #operator(KubernetesClient, Engine, OperatorSettings, OperatorMetrics)} on {@code
   * reconciles}.
   */
  static Operator operator(
      KubernetesClient client,
      Engine engine,
      OperatorSettings settings,
      OperatorMetrics metrics,
      StartedFirstExecutor reconciles) {
    metrics.beforeEachSubmission(reconciles::submitting);
    Operator operator =
        new Operator(
            o -> {
              o.withKubernetesClient(client)
                  .withConcurrentReconciliationThreads(settings.concurrency())
                  .withExecutorService(reconciles)
                  .withUseSSAToPatchPrimaryResource(settings.useSsa())
                  .withCloseClientOnStop(false) // the client's owner closes it
                  .withMetrics(metrics);
              settings
                  .leaseNamespace()
                  .ifPresent(
                      ns ->
                          o.withLeaderElectionConfiguration(
                              new LeaderElectionConfiguration(
                                  OperatorSettings.LEASE_NAME,
                                  ns,
                                  LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
                                  LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
                                  LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
                                  null,
                                  null,
                                  settings.exitWhenNotLeading())));
            });
    GenericRetry retry =
        GenericRetry.defaultLimitedExponentialRetry().setInitialInterval(settings.firstRetry());
    operator.register(
        new ExperimentReconciler(engine),
        c -> c.withRetry(retry).withGenerationAware(false).withOnUpdateFilter(new UserEdits()));
    return operator;
  }
}
