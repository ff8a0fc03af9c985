package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.illm.lab.operator.adapters.KubernetesChanges;
import io.illm.lab.operator.adapters.KubernetesComponents;
import io.illm.lab.operator.adapters.Placement;
import io.illm.lab.operator.adapters.argocd.ArgoCdKubernetesDeployments;
import io.illm.lab.operator.adapters.argoworkflows.ArgoKubernetesWorkflows;
import io.illm.lab.operator.adapters.crossplane.KubernetesClusters;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.operator.sim.SimClock;
import io.illm.lab.operator.sim.SimTimings;
import io.illm.lab.operator.sim.SimWorld;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the operator: one {@link Engine} on the {@link #kubernetesPorts Kubernetes ports}, one
 * {@link ExperimentReconciler}, probes and metrics. Clusters, deployments, workflows and the
 * component catalogue are real (Crossplane, ArgoCD, Argo Workflows through the API server); metrics,
 * results and events are still SIMULATED (in memory, on a clock {@link
 * OperatorSettings#simTimeFactor()} times faster than real time), so every status it writes says
 * {@code simulated: true} until those ports are real too.
 */
public final class OperatorMain {

  private OperatorMain() {}

  public static void main(String[] args) throws Exception {
    OperatorSettings settings;
    try {
      settings = OperatorSettings.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    // SIMULATED until real ports replace them: metrics, results (issue 4) and events
    SimWorld simulated = new SimWorld(SimClock.compressed(Instant.now(), settings.simTimeFactor()), SimTimings.TYPICAL);
    OperatorMetrics metrics = new OperatorMetrics();
    KubernetesClient client = new KubernetesClientBuilder().build();
    KubernetesChanges changes = new KubernetesChanges(client, Placement.DEFAULT);
    Ports ports = kubernetesPorts(client, Placement.DEFAULT, changes, simulated);
    Operator operator = operator(client, new Engine(ports, Clock.systemUTC()), settings, metrics);
    changes.start();
    ProbeServer probes = ProbeServer.start(settings.probePort(), operator, metrics);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      probes.close();
      changes.close();
    }, "probes-stop"));
    operator.installShutdownHook(Duration.ofSeconds(30));
    operator.start();
  }

  /**
   * The Kubernetes ports: clusters (Crossplane claims, ArgoCD cluster Secrets), deployments (ArgoCD
   * Applications), workflows (Argo Workflows), the component catalogue (Component objects) and the
   * children's announcements ({@code changes}, to be started by the caller); metrics, results and
   * events from {@code simulated}, whose announcements are heard too.
   */
  public static Ports kubernetesPorts(KubernetesClient client, Placement placement, KubernetesChanges changes,
      SimWorld simulated) {
    Ports sim = simulated.ports();
    return new Ports(
        new KubernetesClusters(client, placement),
        new ArgoCdKubernetesDeployments(client, placement),
        new ArgoKubernetesWorkflows(client, placement),
        sim.metrics(), // SIMULATED until the Prometheus port (issue 4)
        sim.results(), // SIMULATED until the S3 port (issue 4)
        sim.events(), // SIMULATED until adapters.events.KubernetesEvents is merged
        new KubernetesComponents(client),
        Changes.all(changes, sim.changes()));
  }

  /** The operator with the experiment reconciler registered, not yet started. */
  public static Operator operator(KubernetesClient client, Engine engine, OperatorSettings settings,
      OperatorMetrics metrics) {
    Operator operator = new Operator(o -> {
      o.withKubernetesClient(client)
          .withConcurrentReconciliationThreads(settings.concurrency())
          .withUseSSAToPatchPrimaryResource(settings.useSsa())
          .withCloseClientOnStop(false) // the client's owner closes it
          .withMetrics(metrics);
      settings.leaseNamespace().ifPresent(ns -> o.withLeaderElectionConfiguration(new LeaderElectionConfiguration(
          OperatorSettings.LEASE_NAME, ns, LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
          LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE, LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
          null, null, settings.exitWhenNotLeading())));
    });
    GenericRetry retry = GenericRetry.defaultLimitedExponentialRetry().setInitialInterval(settings.firstRetry());
    operator.register(new ExperimentReconciler(engine),
        c -> c.withRetry(retry).withGenerationAware(false).withOnUpdateFilter(new UserEdits()));
    return operator;
  }
}
