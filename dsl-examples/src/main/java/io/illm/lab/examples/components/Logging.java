package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.ELASTIC;
import static io.illm.lab.examples.components.Repositories.FLUENT;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/**
 * The Elastic side of the logging comparisons (Elasticsearch, Kibana, the ECK operator and its
 * stack) and Fluent Bit, which ships logs to it. Category observability, like Loki.
 */
public final class Logging {

  // ---- Elasticsearch and Kibana (the classic charts)

  /** Elasticsearch nodes. */
  public static final Param<Integer> ELASTICSEARCH_REPLICAS =
      intParam("replicas").defaultValue(1).describe("Number of Elasticsearch replicas");

  /** The JVM heap; keep it at half the memory limit. */
  public static final Param<String> ELASTICSEARCH_JAVA_OPTS =
      stringParam("esJavaOpts")
          .defaultValue("-Xmx1g -Xms1g")
          .describe("JVM options, the heap above all (half the memory limit)");

  /** Whether each node keeps its data on a persistent volume. */
  public static final Param<Boolean> ELASTICSEARCH_PERSISTENCE =
      boolParam("persistence.enabled")
          .defaultValue(false)
          .describe("Keep data on a persistent volume (off: lost with the pod)");

  /** The volume size, when persistence is on. */
  public static final Param<String> ELASTICSEARCH_STORAGE =
      stringParam("volumeClaimTemplate.resources.requests.storage")
          .defaultValue("10Gi")
          .describe("Data volume size per node, when persistence is on");

  /** A node's resources, the original's sizing. */
  public static final Resources ELASTICSEARCH_RESOURCES =
      Resources.of("resources", "an Elasticsearch node", "500m", "1Gi", "1", "2Gi");

  /** One Elasticsearch node without security: the log store of the ELK tutorial. */
  @LabComponent
  public static final ComponentDef ELASTICSEARCH =
      component("elasticsearch", Category.OBSERVABILITY)
          .describe("Elasticsearch search and analytics engine for log storage")
          .source(
              chart(ELASTIC, "elasticsearch")
                  .revision("8.5.1")
                  .releaseName("elasticsearch")
                  .set("minimumMasterNodes", "1")
                  .set("antiAffinity", "soft")
                  .setString(
                      "esConfig.elasticsearch\\.yml",
                      "xpack.security.enabled: false\nxpack.security.enrollment.enabled: false"))
          .parameter(
              ELASTICSEARCH_REPLICAS,
              ELASTICSEARCH_JAVA_OPTS,
              ELASTICSEARCH_PERSISTENCE,
              ELASTICSEARCH_STORAGE)
          .parameter(ELASTICSEARCH_RESOURCES.all())
          .podLabel("app", "elasticsearch-master");

  /** How Kibana is exposed. */
  public static final Param<String> KIBANA_SERVICE_TYPE =
      stringParam("service.type").defaultValue("ClusterIP").describe("Kibana service type");

  /** Kibana's resources, the original's sizing. */
  public static final Resources KIBANA_RESOURCES =
      Resources.of("resources", "Kibana", "100m", "512Mi", "500m", "1Gi");

  /** Kibana, the UI over Elasticsearch. */
  @LabComponent
  public static final ComponentDef KIBANA =
      component("kibana", Category.OBSERVABILITY)
          .describe("Kibana visualization dashboard for Elasticsearch")
          .source(chart(ELASTIC, "kibana").revision("8.5.1").releaseName("kibana"))
          .parameter(KIBANA_SERVICE_TYPE)
          .parameter(KIBANA_RESOURCES.all())
          .podLabel("app", "kibana");

  // ---- Fluent Bit

  /**
   * Fluent Bit's outputs, in its classic configuration syntax. No default: the original declared an
   * empty one, which the operator would apply as a Helm value and so silence Fluent Bit; unset, the
   * chart's own output (Elasticsearch at {@code elasticsearch-master:9200}) stays.
   */
  public static final Param<String> FLUENT_BIT_OUTPUTS =
      stringParam("config.outputs")
          .describe(
              "Fluent Bit output configuration (unset: the chart's, to elasticsearch-master)");

  /** A ServiceMonitor for Fluent Bit; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> FLUENT_BIT_SERVICE_MONITOR =
      boolParam("serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** Fluent Bit's resources (one pod per node), the original's sizing. */
  public static final Resources FLUENT_BIT_RESOURCES =
      Resources.of("resources", "Fluent Bit", "20m", "64Mi", "200m", "128Mi");

  /** Fluent Bit, a DaemonSet tailing container logs. */
  @LabComponent
  public static final ComponentDef FLUENT_BIT =
      component("fluent-bit", Category.OBSERVABILITY)
          .describe("Fluent Bit lightweight log processor and forwarder")
          .source(chart(FLUENT, "fluent-bit").revision("0.47.10").releaseName("fluent-bit"))
          .parameter(FLUENT_BIT_OUTPUTS, FLUENT_BIT_SERVICE_MONITOR)
          .parameter(FLUENT_BIT_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "fluent-bit")
          .metricsPath("/api/v1/metrics/prometheus")
          .metricsPort(2020);

  // ---- ECK: the operator and the stack it runs

  /** Operator replicas. */
  public static final Param<Integer> ECK_REPLICAS =
      intParam("replicaCount").defaultValue(1).describe("Operator replicas");

  /** The operator's resources. */
  public static final Resources ECK_RESOURCES =
      Resources.of("resources", "the ECK operator", "100m", "150Mi", "1", "512Mi");

  /**
   * Elastic Cloud on Kubernetes: the operator that runs Elasticsearch, Kibana and Beats from their
   * own kinds. The original pointed at a values file in its repository; its knobs are parameters.
   */
  @LabComponent
  public static final ComponentDef ECK_OPERATOR =
      component("eck-operator", Category.OBSERVABILITY)
          .describe(
              "Elastic Cloud on Kubernetes operator: Elasticsearch, Kibana and Beats as objects")
          .source(chart(ELASTIC, "eck-operator").revision("3.2.0").releaseName("eck-operator"))
          .parameter(ECK_REPLICAS)
          .parameter(ECK_RESOURCES.all())
          .podLabel("control-plane", "elastic-operator");

  /** The stack's Elasticsearch. */
  public static final Param<Boolean> ELK_ELASTICSEARCH =
      boolParam("eck-elasticsearch.enabled").defaultValue(true).describe("Deploy Elasticsearch");

  /** The stack's Kibana. */
  public static final Param<Boolean> ELK_KIBANA =
      boolParam("eck-kibana.enabled").defaultValue(true).describe("Deploy Kibana");

  /**
   * The stack's Beats (Filebeat). Off: Filebeat needs RBAC that the original applied from its
   * repository with a file filter this model has no counterpart for; fluent-bit ships logs instead.
   */
  public static final Param<Boolean> ELK_BEATS =
      boolParam("eck-beats.enabled")
          .defaultValue(false)
          .describe("Deploy Beats (Filebeat needs RBAC this component does not bring)");

  /**
   * Elasticsearch and Kibana as ECK objects (the eck-stack chart); deploy eck-operator beside it.
   * The original also applied an HTTPRoute for the hub's gateway, which a target has no use for.
   */
  @LabComponent
  public static final ComponentDef ELK_STACK =
      component("elk-stack", Category.OBSERVABILITY)
          .describe("Elasticsearch and Kibana run by ECK (eck-stack chart); needs eck-operator")
          .source(chart(ELASTIC, "eck-stack").revision("0.17.0").releaseName("elk"))
          .parameter(ELK_ELASTICSEARCH, ELK_KIBANA, ELK_BEATS)
          .podLabel("common.k8s.elastic.co/type", "elasticsearch");

  private Logging() {}
}
