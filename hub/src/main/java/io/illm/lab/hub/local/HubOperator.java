package io.illm.lab.hub.local;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.adapters.kubernetes.KubernetesChanges;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.josdk.ExperimentOperator;
import io.illm.lab.operator.josdk.OperatorMetrics;
import io.illm.lab.operator.josdk.OperatorSettings;
import io.illm.lab.operator.main.DataPlane;
import io.illm.lab.operator.main.KubernetesPorts;
import io.illm.lab.operator.results.Retries;
import io.javaoperatorsdk.operator.Operator;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The operator as it runs against a real API server whose clouds are simulated ({@link SimCloud}):
 * the JOSDK operator with the engine on the system clock, the Kubernetes ports and their informers,
 * Kubernetes Events, metrics from a Prometheus HTTP API, results in a folder, server-side apply on.
 * The one place the local hub and the real-server tests wire the operator (as {@code OperatorMain}
 * does for the image), so that a changed constructor is one edit here. {@link #close} stops it.
 */
public final class HubOperator implements AutoCloseable {

  /**
   * How the operator runs.
   *
   * @param placement where the children go
   * @param prometheus the metrics source
   * @param simulatedPrometheus whether that source is a simulated one (its numbers are no
   *     measurements)
   * @param results the folder runs are stored in
   * @param concurrency experiments reconciled at once
   * @param leaseNamespace leader election in this namespace; empty: none
   * @param instance who reports the Events (a pod's name on a cluster)
   */
  public record Options(
      Placement placement,
      URI prometheus,
      boolean simulatedPrometheus,
      Path results,
      int concurrency,
      Optional<String> leaseNamespace,
      String instance) {

    /** One reconcile at a time, no leader election, reported as {@code local-hub}. */
    public static Options of(Placement placement, URI prometheus, Path results) {
      return new Options(placement, prometheus, true, results, 4, Optional.empty(), "local-hub");
    }

    public Options withConcurrency(int value) {
      return new Options(
          placement, prometheus, simulatedPrometheus, results, value, leaseNamespace, instance);
    }

    public Options withLeaseNamespace(String namespace) {
      return new Options(
          placement,
          prometheus,
          simulatedPrometheus,
          results,
          concurrency,
          Optional.of(namespace),
          instance);
    }
  }

  private final Operator operator;
  private final KubernetesChanges changes;
  private final DataPlane data;
  private final OperatorMetrics metrics;

  private HubOperator(
      Operator operator, KubernetesChanges changes, DataPlane data, OperatorMetrics metrics) {
    this.operator = operator;
    this.changes = changes;
    this.data = data;
    this.metrics = metrics;
  }

  /** Starts the operator on {@code client} (whose rights it has) and waits until it runs. */
  public static HubOperator start(KubernetesClient client, Options options) {
    Clock clock = Clock.systemUTC();
    DataPlane data =
        DataPlane.open(
            client,
            clock,
            options.prometheus(),
            options.simulatedPrometheus(),
            new FolderResultsStore(options.results()),
            Optional.empty(),
            Retries.DEFAULT,
            true,
            UnaryOperator.identity());
    KubernetesChanges changes = new KubernetesChanges(client, options.placement());
    KubernetesEvents events =
        new KubernetesEvents(
            client, KubernetesEvents.COMPONENT, options.instance(), clock, changes::experiment);
    Engine engine =
        new Engine(
            KubernetesPorts.of(client, options.placement(), changes, data, events, true), clock);
    // no probe server; SSA on (a real API server); JVM stays when leadership is lost (tests)
    OperatorSettings settings =
        new OperatorSettings(
            options.concurrency(),
            options.leaseNamespace(),
            0,
            1,
            Duration.ofMillis(500),
            true,
            false);
    OperatorMetrics metrics = new OperatorMetrics();
    Operator operator = ExperimentOperator.create(client, engine, settings, metrics);
    try {
      changes.start();
      operator.start();
    } catch (RuntimeException e) {
      changes.close();
      data.close();
      throw e;
    }
    return new HubOperator(operator, changes, data, metrics);
  }

  /** The operator's reconcile counts and times. */
  public OperatorMetrics metrics() {
    return metrics;
  }

  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      changes.close();
      data.close();
    }
  }
}
