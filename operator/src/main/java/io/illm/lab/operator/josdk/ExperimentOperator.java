package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.operator.engine.Engine;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GenericRetry;

/** The JOSDK {@link Operator} with the {@link ExperimentReconciler} registered, not yet started. */
public final class ExperimentOperator {

  private ExperimentOperator() {}

  /** The operator on {@code client}, turning {@code engine}, reconciles first-come per settings. */
  public static Operator create(
      KubernetesClient client, Engine engine, OperatorSettings settings, OperatorMetrics metrics) {
    return create(
        client,
        engine,
        settings,
        metrics,
        new StartedFirstExecutor(settings.concurrency(), StartedFirstExecutor.HEAD_START));
  }

  /** {@link #create(KubernetesClient, Engine, OperatorSettings, OperatorMetrics)} on reconciles. */
  static Operator create(
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
                  .ifPresent(ns -> o.withLeaderElectionConfiguration(leaderElection(ns, settings)));
            });
    GenericRetry retry =
        GenericRetry.defaultLimitedExponentialRetry().setInitialInterval(settings.firstRetry());
    operator.register(
        new ExperimentReconciler(engine),
        c -> c.withRetry(retry).withGenerationAware(false).withOnUpdateFilter(new UserEdits()));
    return operator;
  }

  private static LeaderElectionConfiguration leaderElection(
      String namespace, OperatorSettings settings) {
    return new LeaderElectionConfiguration(
        OperatorSettings.LEASE_NAME,
        namespace,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        null,
        settings.exitWhenNotLeading());
  }
}
