package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.CARDINALITY_GENERATOR;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.MIMIR;
import static io.illm.lab.examples.components.Observability.NODE_EXPORTER_ENABLED;
import static io.illm.lab.examples.components.Observability.POD_MONITORS_FROM_RELEASE_ONLY;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_RETENTION;
import static io.illm.lab.examples.components.Observability.SERVICE_MONITORS_FROM_RELEASE_ONLY;
import static io.illm.lab.examples.components.Observability.VICTORIA_METRICS;
import static io.illm.lab.examples.components.Storage.MINIO;

import io.illm.lab.dsl.Deployment;
import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * Prometheus, VictoriaMetrics and Mimir side by side on one cluster, fed the same series by the
 * cardinality generator (Prometheus scrapes it and remote-writes to Mimir), for 90 minutes.
 */
public final class TsdbComparison {

  private static final String PROMETHEUS_PODS = "prometheus-.*|kube-prometheus-.*";
  private static final String VICTORIA_METRICS_PODS = "victoria-metrics-.*";
  private static final String MIMIR_PODS = "mimir-.*";
  private static final String INFRA_PODS = "minio-.*|cardinality-.*";
  private static final double MIB = 1024 * 1024;

  private TsdbComparison() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("tsdb-comparison")
        .title("Time-Series DB Comparison: Prometheus vs VictoriaMetrics vs Mimir")
        .describe(
            "Prometheus vs VictoriaMetrics vs Mimir resource efficiency under identical workload")
        .tag("comparison", "observability", "metrics")
        .publish()
        .hypothesis(
            hypothesis(
                    "VictoriaMetrics will be the most resource-efficient for single-node"
                        + " deployments because its merge-tree storage engine and single-binary architecture"
                        + " avoid the per-component overhead of distributed systems, while Mimir's monolithic"
                        + " mode will require higher base resources due to its object-storage dependency"
                        + " (MinIO) and embedded microservices architecture")
                .question(
                    "What is the steady-state CPU and memory footprint of each TSDB under identical"
                        + " 1k-series ingestion workload?")
                .question(
                    "How do resource usage patterns differ over a 90-minute window (approaching"
                        + " Prometheus block rotation)?")
                .question(
                    "What is the operational footprint (pod count, component count) of each architecture?")
                .question(
                    "What are the resource trade-offs between Prometheus' local TSDB, VM's merge-tree"
                        + " engine, and Mimir's monolithic-on-object-storage design?")
                .focus("per-TSDB resource efficiency")
                .focus("memory and CPU patterns over time")
                .focus("operational complexity")
                .focus("architecture trade-offs")
                // "VictoriaMetrics uses less than Prometheus" compares two metrics, which a
                // criterion (a
                // metric against a number) cannot say; the analysis answers it. The criteria only
                // hold
                // each database inside the memory limit it is deployed with: breaking one is an OOM
                // kill.
                .criterion(
                    expect("victoria_metrics_peak_memory")
                        .below(512 * MIB)
                        .describe("the chart's memory limit for VictoriaMetrics"))
                .criterion(
                    expect("prometheus_peak_memory")
                        .below(1024 * MIB)
                        .describe("the memory limit set for Prometheus below")))
        .target(
            target("app")
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(
                    prometheus(), VICTORIA_METRICS, MIMIR, mimirBuckets(), CARDINALITY_GENERATOR)
                .observability(Transport.TAILSCALE))
        .workflow(workflow("tsdb-comparison-validation"))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(
            cpu("prometheus_stack_cpu", PROMETHEUS_PODS, "Prometheus stack CPU by pod"),
            cpu("victoria_metrics_cpu", VICTORIA_METRICS_PODS, "VictoriaMetrics CPU by pod"),
            cpu("mimir_cpu", MIMIR_PODS, "Mimir CPU by pod"),
            memory("prometheus_stack_memory", PROMETHEUS_PODS, "Prometheus stack memory by pod"),
            memory(
                "victoria_metrics_memory", VICTORIA_METRICS_PODS, "VictoriaMetrics memory by pod"),
            memory("mimir_memory", MIMIR_PODS, "Mimir memory by pod"),
            cpu("infra_cpu", INFRA_PODS, "Infrastructure CPU (MinIO + cardinality-generator)"),
            memory(
                "infra_memory",
                INFRA_PODS,
                "Infrastructure memory (MinIO + cardinality-generator)"),
            metric("cluster_cpu")
                .promql("sum(rate(container_cpu_usage_seconds_total{" + containers() + "}[5m]))")
                .range()
                .unit(Unit.CORES)
                .group("cluster")
                .describe("Total cluster CPU"),
            metric("cluster_memory")
                .promql("sum(container_memory_working_set_bytes{" + containers() + "})")
                .range()
                .unit(Unit.BYTES)
                .group("cluster")
                .describe("Total cluster memory"),
            peakMemory(
                "prometheus_peak_memory", PROMETHEUS_PODS, "Peak memory of the Prometheus stack"),
            peakMemory(
                "victoria_metrics_peak_memory",
                VICTORIA_METRICS_PODS,
                "Peak memory of VictoriaMetrics"))
        .qualityGate(qualityGate().minDataCoverage(0.8))
        // smoke test plus 90 minutes of observation
        .runningDeadline(Duration.ofHours(2))
        .totalDeadline(Duration.ofHours(3))
        .cleanupOnFailure(retain(Duration.ofHours(1)))
        .budget(5)
        .build();
  }

  /** Prometheus scraping everything, remote-writing to Mimir, with the cluster scrapers off. */
  private static Deployment prometheus() {
    return KUBE_PROMETHEUS_STACK
        .with(GRAFANA_ENABLED, true)
        .with(PROMETHEUS_RETENTION, "24h")
        .with(ALERTMANAGER_ENABLED, false)
        .with("prometheus.prometheusSpec.remoteWrite[0].url", "http://mimir-gateway:80/api/v1/push")
        .with("prometheus.prometheusSpec.remoteWrite[0].headers.X-Scope-OrgID", "anonymous")
        .with("prometheus.prometheusSpec.resources.requests.cpu", "100m")
        .with("prometheus.prometheusSpec.resources.requests.memory", "256Mi")
        .with("prometheus.prometheusSpec.resources.limits.cpu", "1")
        .with("prometheus.prometheusSpec.resources.limits.memory", "1Gi")
        .with(SERVICE_MONITORS_FROM_RELEASE_ONLY, false)
        .with(POD_MONITORS_FROM_RELEASE_ONLY, false)
        .with(NODE_EXPORTER_ENABLED, false)
        .with("defaultRules.create", "false")
        .with("kubeApiServer.enabled", "false")
        .with("kubelet.enabled", "false")
        .with("kubeControllerManager.enabled", "false")
        .with("coreDns.enabled", "false")
        .with("kubeEtcd.enabled", "false")
        .with("kubeScheduler.enabled", "false")
        .with("kubeProxy.enabled", "false")
        .with("prometheusOperator.tls.enabled", "false")
        .with("prometheusOperator.admissionWebhooks.enabled", "false");
  }

  /** MinIO with the three buckets Mimir expects. */
  private static Deployment mimirBuckets() {
    Deployment minio = MINIO.deployment();
    String[] buckets = {"mimir-blocks", "mimir-ruler", "mimir-alertmanager"};
    for (int i = 0; i < buckets.length; i++) {
      minio =
          minio
              .with("buckets[" + i + "].name", buckets[i])
              .with("buckets[" + i + "].policy", "none")
              .with("buckets[" + i + "].purge", "false");
    }
    return minio;
  }

  private static String containers() {
    return "experiment=\"$EXPERIMENT\",container!=\"POD\",container!=\"\"";
  }

  private static String pods(String pattern) {
    return "experiment=\"$EXPERIMENT\",pod=~\"" + pattern + "\",container!=\"POD\",container!=\"\"";
  }

  private static MetricDef cpu(String name, String pods, String description) {
    return metric(name)
        .promql("sum(rate(container_cpu_usage_seconds_total{" + pods(pods) + "}[5m])) by (pod)")
        .range()
        .unit(Unit.CORES)
        .group("cpu")
        .describe(description);
  }

  private static MetricDef memory(String name, String pods, String description) {
    return metric(name)
        .promql("sum(container_memory_working_set_bytes{" + pods(pods) + "}) by (pod)")
        .range()
        .unit(Unit.BYTES)
        .group("memory")
        .describe(description);
  }

  /** One number per database: the highest total over the run, which the criteria judge. */
  private static MetricDef peakMemory(String name, String pods, String description) {
    return metric(name)
        .promql(
            "max_over_time(sum(container_memory_working_set_bytes{"
                + pods(pods)
                + "})[$DURATION:1m])")
        .unit(Unit.BYTES)
        .group("peaks")
        .describe(description);
  }
}
