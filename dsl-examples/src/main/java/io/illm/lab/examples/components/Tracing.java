package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.GRAFANA;
import static io.illm.lab.examples.components.Repositories.OPEN_TELEMETRY;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Traces: the two backends the tracing comparison measures, and the collector feeding them. */
public final class Tracing {

  // ---- Jaeger

  /** Where Jaeger keeps spans. */
  public static final Param<String> JAEGER_STORAGE =
      stringParam("storage.type")
          .defaultValue("memory")
          .describe("Storage backend (memory, elasticsearch, cassandra)");

  /** The all-in-one pod's resources: the chart sets none. */
  public static final Resources JAEGER_RESOURCES =
      Resources.of("allInOne.resources", "the all-in-one pod", null, null, null, null);

  /** Jaeger all-in-one (collector, query and UI in one pod) keeping spans in memory. */
  @LabComponent
  public static final ComponentDef JAEGER =
      component("jaeger", Category.OBSERVABILITY)
          .describe("Jaeger distributed tracing system (all-in-one mode)")
          .source(
              chart(Repositories.JAEGER, "jaeger")
                  .revision("3.3.1")
                  .releaseName("jaeger")
                  .set("allInOne.enabled", "true")
                  .set("allInOne.image", "jaegertracing/all-in-one")
                  .set("allInOne.tag", "1.62")
                  .set("collector.enabled", "false")
                  .set("query.enabled", "false")
                  .set("agent.enabled", "false")
                  .set("cassandra.enabled", "false")
                  .set("elasticsearch.enabled", "false")
                  .set("kafka.enabled", "false"))
          .parameter(JAEGER_STORAGE)
          .parameter(JAEGER_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "jaeger")
          .metricsPort(14269);

  // ---- Tempo

  /** How long Tempo keeps traces. */
  public static final Param<String> TEMPO_RETENTION =
      stringParam("tempo.retention").defaultValue("24h").describe("Trace retention period");

  /** Whether Tempo's local trace store survives the pod. */
  public static final Param<Boolean> TEMPO_PERSISTENCE =
      boolParam("persistence.enabled")
          .defaultValue(false)
          .describe("Keep traces on a persistent volume (off: lost with the pod)");

  /** A ServiceMonitor for Tempo; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> TEMPO_SERVICE_MONITOR =
      boolParam("serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** Tempo's resources: the chart sets none. */
  public static final Resources TEMPO_RESOURCES =
      Resources.of("tempo.resources", "Tempo", null, null, null, null);

  /** Tempo as one binary, receiving OTLP on 4317 (gRPC) and 4318 (HTTP), on local storage. */
  @LabComponent
  public static final ComponentDef TEMPO =
      component("tempo", Category.OBSERVABILITY)
          .describe("Grafana Tempo distributed tracing backend")
          .source(
              chart(GRAFANA, "tempo")
                  .revision("1.10.3")
                  .releaseName("tempo")
                  .set("tempo.receivers.otlp.protocols.grpc.endpoint", "0.0.0.0:4317")
                  .set("tempo.receivers.otlp.protocols.http.endpoint", "0.0.0.0:4318")
                  .set("tempo.storage.trace.backend", "local")
                  .set("tempo.storage.trace.local.path", "/var/tempo/traces")
                  .set("tempo.storage.trace.wal.path", "/var/tempo/wal"))
          .parameter(TEMPO_RETENTION, TEMPO_PERSISTENCE, TEMPO_SERVICE_MONITOR)
          .parameter(TEMPO_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "tempo")
          .metricsPort(3100);

  // ---- OpenTelemetry Collector

  /** How the collector runs. */
  public static final Param<String> OTEL_COLLECTOR_MODE =
      stringParam("mode")
          .defaultValue("deployment")
          .describe("Collector deployment mode (deployment, daemonset, statefulset)");

  /** Collector replicas, in deployment or statefulset mode. */
  public static final Param<Integer> OTEL_COLLECTOR_REPLICAS =
      intParam("replicaCount")
          .defaultValue(1)
          .describe("Collector replicas (not in daemonset mode)");

  /** A ServiceMonitor for the collector's own metrics; needs the Prometheus Operator's CRDs. */
  public static final Param<Boolean> OTEL_COLLECTOR_SERVICE_MONITOR =
      boolParam("serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** The collector's resources: the chart sets none. */
  public static final Resources OTEL_COLLECTOR_RESOURCES =
      Resources.of("resources", "the collector", null, null, null, null);

  /** The contrib collector, receiving OTLP over gRPC and HTTP. */
  @LabComponent
  public static final ComponentDef OTEL_COLLECTOR =
      component("otel-collector", Category.OBSERVABILITY)
          .describe("OpenTelemetry Collector for trace/metric/log collection and export")
          .source(
              chart(OPEN_TELEMETRY, "opentelemetry-collector")
                  .revision("0.140.0")
                  .releaseName("otel-collector")
                  .set("image.repository", "otel/opentelemetry-collector-contrib")
                  .set("ports.otlp.enabled", "true")
                  .set("ports.otlp-http.enabled", "true"))
          .parameter(OTEL_COLLECTOR_MODE, OTEL_COLLECTOR_REPLICAS, OTEL_COLLECTOR_SERVICE_MONITOR)
          .parameter(OTEL_COLLECTOR_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "opentelemetry-collector")
          .metricsPort(8888);

  private Tracing() {}
}
