package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.CARDINALITY_GENERATOR;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.NODE_EXPORTER_ENABLED;
import static io.illm.lab.examples.components.Observability.VICTORIA_METRICS;

import io.illm.lab.dsl.Deployment;
import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.TargetMatrix;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.Workflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * The question most TSDB experiments ask, as criteria: does VictoriaMetrics use less than
 * Prometheus at the same ingest, on GKE and on EKS? A 2 x 2 matrix (provider x TSDB) gives the four
 * targets ({@code prom-gke}, {@code prom-eks}, {@code vm-gke}, {@code vm-eks}); each criterion and
 * comparison is made over the matrix in one call, pairing the cells on the same provider.
 */
public final class TsdbMatrix {

  /** Both databases scraping the same cardinality generator, on a GKE and an EKS cluster. */
  public static final TargetMatrix TSDBS =
      matrix()
          .on(gke().spot(), eks().spot())
          .variant("prom", prometheus(), CARDINALITY_GENERATOR.deployment())
          .variant("vm", VICTORIA_METRICS.deployment(), CARDINALITY_GENERATOR.deployment())
          .observability(Transport.TAILSCALE);

  private static final String TSDB_PODS =
      "experiment=\"$EXPERIMENT\",cluster=\"$CLUSTER\","
          + "pod=~\"prometheus-.*|kube-prometheus-stack-.*|victoria-metrics-.*\","
          + "container!=\"POD\",container!=\"\"";

  private TsdbMatrix() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("tsdb-matrix")
        .title("Prometheus vs VictoriaMetrics on GKE and EKS at the same ingest")
        .describe(
            "Memory and CPU of each TSDB, per provider, fed the same 20k remote-written"
                + " series; each database compared with the other on the same provider")
        .tag("comparison", "observability", "metrics", "matrix")
        .targets(TSDBS)
        .workflow(workflow(Workflows.tsdbMatrix()))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(
            metric("tsdb_peak_memory")
                .promql(
                    "max_over_time(sum(container_memory_working_set_bytes{"
                        + TSDB_PODS
                        + "})[$DURATION:1m])")
                .unit(Unit.BYTES)
                .perTarget()
                .lowerIsBetter()
                .describe("Peak working-set memory of the TSDB"),
            metric("tsdb_cpu")
                .promql(
                    "avg_over_time(sum(rate(container_cpu_usage_seconds_total{"
                        + TSDB_PODS
                        + "}[5m]))[$DURATION:1m])")
                .unit(Unit.CORES)
                .perTarget()
                .lowerIsBetter()
                .describe("Mean CPU of the TSDB"))
        .repetitions(5) // five windows per target: an interval for each side of a comparison
        .hypothesis(
            hypothesis(
                    "At the same ingest, VictoriaMetrics needs at most 80% of Prometheus' memory and"
                        + " less CPU, on GKE and on EKS alike")
                .question("Does the provider change which database is lighter?")
                .criteria(TSDBS.expect("tsdb_peak_memory").of("vm").atMost(0.8).times("prom"))
                .criteria(TSDBS.expect("tsdb_cpu").of("vm").below("prom")))
        .compare(TSDBS.compare("vm").metrics("tsdb_peak_memory", "tsdb_cpu").against("prom"))
        .qualityGate(qualityGate().minDataCoverage(0.8))
        .runningDeadline(Duration.ofHours(2))
        .totalDeadline(Duration.ofHours(3))
        .cleanupOnFailure(retain(Duration.ofHours(1)))
        .budget(10)
        .build();
  }

  /** Prometheus alone (no Grafana, Alertmanager or node exporter), with its requests and limits. */
  private static Deployment prometheus() {
    return KUBE_PROMETHEUS_STACK
        .with(GRAFANA_ENABLED, false)
        .with(ALERTMANAGER_ENABLED, false)
        .with(NODE_EXPORTER_ENABLED, false)
        .with("prometheus.prometheusSpec.resources.requests.cpu", "100m")
        .with("prometheus.prometheusSpec.resources.requests.memory", "256Mi")
        .with("prometheus.prometheusSpec.resources.limits.cpu", "1")
        .with("prometheus.prometheusSpec.resources.limits.memory", "1Gi")
        // the workflow remote-writes the same series into both databases
        .with("prometheus.prometheusSpec.enableRemoteWriteReceiver", "true");
  }
}
