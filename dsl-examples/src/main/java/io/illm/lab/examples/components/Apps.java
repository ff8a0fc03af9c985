package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.BITNAMI;
import static io.illm.lab.examples.components.Repositories.TESTBED;
import static io.illm.lab.examples.components.Repositories.TESTBED_REVISION;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/**
 * The workloads under test and their load generators. All but nginx are the original lab's own
 * apps: plain manifests (Kustomize or raw YAML) in the testbed repository, referenced by URL.
 *
 * <p>The original declared {@code replicas} and {@code logRate} parameters on some of these, but a
 * Git source takes no Helm values, so nothing ever applied them; they are left out here rather than
 * documented as knobs that do nothing. Their tunables live in the manifests.
 */
public final class Apps {

  /** A hello-world HTTP app: the smallest thing worth deploying, for smoke tests. */
  @LabComponent
  public static final ComponentDef HELLO_APP =
      component("hello-app", Category.APPS)
          .describe("Simple hello world app for load testing and deployment tutorials")
          .git(TESTBED, "components/apps/hello-app/k8s", TESTBED_REVISION)
          .podLabel("app", "hello-app");

  /** A demo app exposing Prometheus metrics. */
  @LabComponent
  public static final ComponentDef METRICS_APP =
      component("metrics-app", Category.APPS)
          .describe("Demo app exposing Prometheus metrics for monitoring tutorials")
          .git(TESTBED, "components/apps/metrics-app/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "metrics-app")
          .metricsPort(8080);

  /** The Prometheus tutorial's puzzle app ("Sector 12"), with its own rules and dashboard. */
  @LabComponent
  public static final ComponentDef STATION_MONITOR =
      component("station-monitor", Category.APPS)
          .describe("Station monitoring app for Prometheus tutorial (Sector 12 mystery)")
          .git(TESTBED, "components/apps/station-monitor/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "station-monitor")
          .metricsPort(8080);

  /** Structured log lines at a steady rate, for logging pipelines. */
  @LabComponent
  public static final ComponentDef LOG_GENERATOR =
      component("log-generator", Category.APPS)
          .describe("Generates structured logs for logging pipeline tutorials (Loki, ELK)")
          .git(TESTBED, "components/apps/log-generator/k8s", TESTBED_REVISION)
          .podLabel("app", "log-generator");

  /** Many Prometheus series from one pod: the ingestion load of the TSDB comparison. */
  @LabComponent
  public static final ComponentDef CARDINALITY_GENERATOR =
      component("cardinality-generator", Category.APPS)
          .describe("Generates high-cardinality Prometheus metrics for cost analysis experiments")
          .git(TESTBED, "components/apps/cardinality-generator/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "cardinality-generator")
          .metricsPort(8080);

  /** Three Go services calling each other, traced with OpenTelemetry. */
  @LabComponent
  public static final ComponentDef OTEL_DEMO =
      component("otel-demo", Category.APPS)
          .describe("Multi-service OTel demo app (user-service, order-service, payment-service)")
          .git(TESTBED, "components/apps/otel-demo/k8s", TESTBED_REVISION)
          .podLabel("app.kubernetes.io/part-of", "otel-demo");

  // ---- naive-db: the storage benchmarks' database and its load generators

  /** A database that fsyncs every write: the baseline of the storage benchmarks. */
  @LabComponent
  public static final ComponentDef NAIVE_DB =
      component("naive-db", Category.APPS)
          .describe(
              "Naive fsync-per-write database - single i32 column, no WAL, baseline for storage"
                  + " benchmarks")
          .git(TESTBED, "components/apps/naive-db/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "naive-db")
          .metricsPort(8080)
          .metricsPath("/metrics");

  /** naive-db with fsync on every write, for the fsync-versus-memory comparison. */
  @LabComponent
  public static final ComponentDef NAIVE_DB_FSYNC =
      component("naive-db-fsync", Category.APPS)
          .describe(
              "Naive database with fsync-per-write — durable variant for fsync vs in-memory"
                  + " comparison")
          .git(TESTBED, "components/apps/naive-db-fsync/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "naive-db-fsync")
          .metricsPort(8080)
          .metricsPath("/metrics");

  /** naive-db without fsync: writes stop at the page cache. */
  @LabComponent
  public static final ComponentDef NAIVE_DB_NOSYNC =
      component("naive-db-nosync", Category.APPS)
          .describe(
              "Naive database without fsync — volatile variant for fsync vs in-memory comparison")
          .git(TESTBED, "components/apps/naive-db-nosync/k8s", TESTBED_REVISION)
          .serviceMonitor()
          .podLabel("app", "naive-db-nosync")
          .metricsPort(8080)
          .metricsPath("/metrics");

  /** Six naive-db StatefulSets (fsync, nosync) on three GKE disk types, with their classes. */
  @LabComponent
  public static final ComponentDef NAIVE_DB_DISK_BENCH =
      component("naive-db-disk-bench", Category.APPS)
          .describe(
              "Six naive-db variants (fsync/nosync × hdd/balanced/ssd) for disk-type comparison"
                  + " benchmark")
          .git(TESTBED, "components/apps/naive-db-disk-bench/k8s", TESTBED_REVISION);

  /** Eight naive-db StatefulSets on four GKE disk types, Hyperdisk Balanced included. */
  @LabComponent
  public static final ComponentDef NAIVE_DB_STORAGE_BENCH =
      component("naive-db-storage-bench", Category.APPS)
          .describe(
              "Eight naive-db variants (fsync/nosync × hdd/balanced/ssd/hyperdisk-balanced) for"
                  + " storage-tier comparison benchmark")
          .git(TESTBED, "components/apps/naive-db-storage-bench/k8s", TESTBED_REVISION);

  /** A Job writing to naive-db-fsync and naive-db-nosync in phases. */
  @LabComponent
  public static final ComponentDef DB_BENCHMARK_LOADGEN =
      component("db-benchmark-loadgen", Category.APPS)
          .describe(
              "Multi-phase benchmark load generator for fsync vs no-fsync database comparison")
          .git(TESTBED, "components/apps/db-benchmark-loadgen/k8s", TESTBED_REVISION);

  /** A Job writing at a sustained rate to the six variants of naive-db-disk-bench. */
  @LabComponent
  public static final ComponentDef DB_DISK_BENCH_LOADGEN =
      component("db-disk-bench-loadgen", Category.APPS)
          .describe(
              "Sustained-throughput load generator for disk-type comparison benchmark (6 naive-db"
                  + " variants)")
          .git(TESTBED, "components/apps/db-disk-bench-loadgen/k8s", TESTBED_REVISION);

  /**
   * A Job writing at a sustained rate to the variants of naive-db-storage-bench: eight, not the ten
   * the original's description said.
   */
  @LabComponent
  public static final ComponentDef DB_STORAGE_BENCH_LOADGEN =
      component("db-storage-bench-loadgen", Category.APPS)
          .describe(
              "Sustained-throughput load generator for storage-tier comparison benchmark (8"
                  + " naive-db variants)")
          .git(TESTBED, "components/apps/db-storage-bench-loadgen/k8s", TESTBED_REVISION);

  // ---- nginx: the upstream behind the gateways

  /** nginx replicas. */
  public static final Param<Integer> NGINX_REPLICAS =
      intParam("replicaCount").defaultValue(2).describe("Number of replicas");

  /** How the nginx Service is exposed. */
  public static final Param<String> NGINX_SERVICE_TYPE =
      stringParam("service.type").defaultValue("ClusterIP").describe("Kubernetes service type");

  /** The exporter sidecar on port 9113 that the scrape hints point at. */
  public static final Param<Boolean> NGINX_METRICS =
      boolParam("metrics.enabled")
          .defaultValue(true)
          .describe("Run the Prometheus exporter sidecar (port 9113)");

  /** A ServiceMonitor for the exporter; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> NGINX_SERVICE_MONITOR =
      boolParam("metrics.serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** nginx's container resources. */
  public static final Resources NGINX_RESOURCES =
      Resources.of("resources", "nginx", "100m", "128Mi", "500m", "256Mi");

  /**
   * Bitnami's nginx, the backend the gateways route to. The original took the chart from Bitnami's
   * Git repository at {@code main}, which moves under every run; this takes it from Bitnami's Helm
   * repository at a pinned version.
   */
  @LabComponent
  public static final ComponentDef NGINX =
      component("nginx", Category.APPS)
          .describe("NGINX web server")
          .source(chart(BITNAMI, "nginx").revision("21.0.6").releaseName("nginx"))
          .parameter(NGINX_REPLICAS, NGINX_SERVICE_TYPE, NGINX_METRICS, NGINX_SERVICE_MONITOR)
          .parameter(NGINX_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "nginx")
          .metricsPath("/metrics")
          .metricsPort(9113);

  private Apps() {}
}
