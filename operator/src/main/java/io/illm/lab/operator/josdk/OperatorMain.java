package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.sim.SimClock;
import io.illm.lab.operator.sim.SimTimings;
import io.illm.lab.operator.sim.SimWorld;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;
import java.time.Duration;
import java.time.Instant;

/**
 * Starts the operator: one {@link Engine}, one {@link ExperimentReconciler}, probes and metrics.
 * Until the Kubernetes adapters are wired, the engine works through a simulated world running
 * {@link OperatorSettings#simTimeFactor()} times faster than real time, and every status it writes
 * says {@code simulated: true}.
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
    SimWorld world = new SimWorld(SimClock.compressed(Instant.now(), settings.simTimeFactor()), SimTimings.TYPICAL);
    OperatorMetrics metrics = new OperatorMetrics();
    KubernetesClient client = new KubernetesClientBuilder().build();
    Operator operator = operator(client, new Engine(world.ports(), world.clock), settings, metrics);
    ProbeServer probes = ProbeServer.start(settings.probePort(), operator, metrics);
    Runtime.getRuntime().addShutdownHook(new Thread(probes::close, "probes-stop"));
    operator.installShutdownHook(Duration.ofSeconds(30));
    operator.start();
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
