package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.repo;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.GRAFANA;
import static io.illm.lab.examples.components.Repositories.PROMETHEUS_COMMUNITY;
import static io.illm.lab.examples.components.Repositories.TESTBED;
import static io.illm.lab.examples.components.Repositories.TESTBED_REVISION;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;
import io.illm.lab.model.ComponentType;

/**
 * Metrics and logs: the stacks experiments compare, and the agent that ships metrics to the hub.
 */
public final class Observability {

  // ---- kube-prometheus-stack

  /** Grafana on or off. */
  public static final Param<Boolean> GRAFANA_ENABLED =
      boolParam("grafana.enabled").defaultValue(true).describe("Enable Grafana dashboard");

  /** How long Prometheus keeps data, e.g. 24h. */
  public static final Param<String> PROMETHEUS_RETENTION =
      stringParam("prometheus.prometheusSpec.retention")
          .defaultValue("24h")
          .describe("Prometheus data retention period");

  /** Alertmanager on or off. */
  public static final Param<Boolean> ALERTMANAGER_ENABLED =
      boolParam("alertmanager.enabled").defaultValue(true).describe("Enable Alertmanager");

  /** Prometheus itself on or off (off when only Grafana is wanted, as in the Loki tutorial). */
  public static final Param<Boolean> PROMETHEUS_ENABLED =
      boolParam("prometheus.enabled").defaultValue(true).describe("Enable Prometheus");

  /** node-exporter on or off. */
  public static final Param<Boolean> NODE_EXPORTER_ENABLED =
      boolParam("nodeExporter.enabled")
          .defaultValue(true)
          .describe("Deploy node-exporter on every node");

  /** Whether Prometheus only picks up ServiceMonitors labelled for this Helm release. */
  public static final Param<Boolean> SERVICE_MONITORS_FROM_RELEASE_ONLY =
      boolParam("prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues")
          .defaultValue(true)
          .describe("Select only ServiceMonitors of this release; false discovers all");

  /** Whether Prometheus only picks up PodMonitors labelled for this Helm release. */
  public static final Param<Boolean> POD_MONITORS_FROM_RELEASE_ONLY =
      boolParam("prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues")
          .defaultValue(true)
          .describe("Select only PodMonitors of this release; false discovers all");

  /** Prometheus, Grafana and Alertmanager. */
  @LabComponent
  public static final ComponentDef KUBE_PROMETHEUS_STACK =
      component("kube-prometheus-stack", Category.OBSERVABILITY)
          .describe("Prometheus, Grafana, and Alertmanager via kube-prometheus-stack Helm chart")
          .source(
              chart(PROMETHEUS_COMMUNITY, "kube-prometheus-stack")
                  .revision("79.9.0")
                  .releaseName("kube-prometheus-stack")
                  .set("grafana.enabled", "true")
                  .set("prometheus.prometheusSpec.retention", "24h"))
          .parameter(
              GRAFANA_ENABLED,
              PROMETHEUS_RETENTION,
              ALERTMANAGER_ENABLED,
              PROMETHEUS_ENABLED,
              NODE_EXPORTER_ENABLED,
              SERVICE_MONITORS_FROM_RELEASE_ONLY,
              POD_MONITORS_FROM_RELEASE_ONLY)
          .serviceMonitor()
          .podLabel("app.kubernetes.io/name", "kube-prometheus-stack");

  // ---- Loki and Promtail

  /** Loki multi-tenancy authentication. */
  public static final Param<Boolean> LOKI_AUTH_ENABLED =
      boolParam("loki.auth_enabled")
          .defaultValue(false)
          .describe("Enable multi-tenancy authentication");

  /** Replicas of Loki's single binary. */
  public static final Param<Integer> LOKI_REPLICAS =
      intParam("singleBinary.replicas")
          .defaultValue(1)
          .describe("Number of Loki single-binary replicas");

  /** Loki as one binary on a local filesystem: the smallest Loki that answers LogQL. */
  @LabComponent
  public static final ComponentDef LOKI =
      component("loki", Category.OBSERVABILITY)
          .describe("Loki log aggregation system via Grafana Helm chart")
          .source(
              chart(GRAFANA, "loki")
                  .revision("6.28.0")
                  .releaseName("loki")
                  .set("deploymentMode", "SingleBinary")
                  .set("loki.auth_enabled", "false")
                  .set("loki.commonConfig.replication_factor", "1")
                  .set("loki.storage.type", "filesystem")
                  .set("loki.schemaConfig.configs[0].from", "2024-01-01")
                  .set("loki.schemaConfig.configs[0].store", "tsdb")
                  .set("loki.schemaConfig.configs[0].object_store", "filesystem")
                  .set("loki.schemaConfig.configs[0].schema", "v13")
                  .set("loki.schemaConfig.configs[0].index.prefix", "loki_index_")
                  .set("loki.schemaConfig.configs[0].index.period", "24h")
                  .set("singleBinary.replicas", "1")
                  .set("singleBinary.persistence.storageClass", "local-path")
                  .set("read.replicas", "0")
                  .set("write.replicas", "0")
                  .set("backend.replicas", "0")
                  .set("chunksCache.enabled", "false")
                  .set("resultsCache.enabled", "false"))
          .parameter(LOKI_AUTH_ENABLED, LOKI_REPLICAS)
          .serviceMonitor()
          .podLabel("app.kubernetes.io/name", "loki");

  /** Where Promtail pushes logs. */
  public static final Param<String> PROMTAIL_LOKI_URL =
      stringParam("config.clients[0].url")
          .defaultValue("http://loki:3100/loki/api/v1/push")
          .describe("Loki push endpoint");

  /** Promtail: ships the pods' logs to Loki. */
  @LabComponent
  public static final ComponentDef PROMTAIL =
      component("promtail", Category.OBSERVABILITY)
          .describe("Promtail log collector for shipping logs to Loki")
          .source(chart(GRAFANA, "promtail").revision("6.16.6").releaseName("promtail"))
          .parameter(PROMTAIL_LOKI_URL)
          .podLabel("app.kubernetes.io/name", "promtail");

  // ---- the other time-series databases

  /** How long VictoriaMetrics keeps data, e.g. 1d. */
  public static final Param<String> VICTORIA_METRICS_RETENTION =
      stringParam("server.retentionPeriod").defaultValue("1d").describe("Data retention period");

  /** VictoriaMetrics single-node, without a persistent volume, limited to 500m CPU and 512Mi. */
  @LabComponent
  public static final ComponentDef VICTORIA_METRICS =
      component("victoria-metrics", Category.OBSERVABILITY)
          .describe("VictoriaMetrics single-node time series database")
          .source(
              chart(Repositories.VICTORIA_METRICS, "victoria-metrics-single")
                  .revision("0.14.2")
                  .releaseName("victoria-metrics")
                  .set("server.retentionPeriod", "1d")
                  .set("server.resources.requests.cpu", "100m")
                  .set("server.resources.requests.memory", "256Mi")
                  .set("server.resources.limits.cpu", "500m")
                  .set("server.resources.limits.memory", "512Mi")
                  .set("server.persistentVolume.enabled", "false"))
          .parameter(VICTORIA_METRICS_RETENTION)
          .podLabel("app", "server");

  /** Grafana Mimir in monolithic mode, storing blocks in MinIO. */
  @LabComponent
  public static final ComponentDef MIMIR =
      component("mimir", Category.OBSERVABILITY)
          .describe("Grafana Mimir TSDB in monolithic mode (single binary, all components)")
          .git(TESTBED, "components/observability/mimir/k8s", TESTBED_REVISION)
          .podLabel("app.kubernetes.io/name", "mimir");

  // ---- metrics backhaul, deployed by the operator on targets with observability enabled

  /** The experiment's name, the external label the agent puts on every series it ships. */
  public static final Param<String> AGENT_EXPERIMENT_NAME =
      stringParam("alloy.extraEnv[0].value")
          .describe("Experiment name used as external label for filtering; set by the operator");

  /**
   * Grafana Alloy, scraping container metrics and remote-writing them to the hub. Its values file
   * lives in the testbed repository, which the second source makes referable as {@code $values}:
   * the original pointed at {@code $values/...} without any source named {@code values}, and also
   * set {@code alloy.configMap.content} to an empty string over the values file; both are left out.
   */
  @LabComponent
  public static final ComponentDef METRICS_AGENT =
      component("metrics-agent", Category.OBSERVABILITY)
          .describe(
              "Grafana Alloy metrics agent: scrapes container metrics and remote-writes to hub VictoriaMetrics")
          .source(
              chart(GRAFANA, "alloy")
                  .revision("0.12.0")
                  .releaseName("alloy")
                  .valuesFile("$values/components/observability/metrics-agent/values.yaml"))
          .source(repo(TESTBED).revision(TESTBED_REVISION).ref("values"))
          .parameter(AGENT_EXPERIMENT_NAME)
          .podLabel("app.kubernetes.io/name", "alloy");

  /**
   * The observability namespace and the ExternalName service through which agents reach the hub.
   */
  @LabComponent
  public static final ComponentDef METRICS_EGRESS =
      component("metrics-egress", Category.OBSERVABILITY)
          .describe(
              "Tailscale egress service to hub VictoriaMetrics: creates observability namespace and ExternalName service")
          .type(ComponentType.CONFIG)
          .git(TESTBED, "components/observability/metrics-egress/k8s", TESTBED_REVISION);

  private Observability() {}
}
