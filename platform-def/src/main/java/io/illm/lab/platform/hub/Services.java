package io.illm.lab.platform.hub;

import static io.illm.lab.platform.Tree.list;
import static io.illm.lab.platform.Tree.map;

import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.platform.author.Apps;
import io.illm.lab.platform.author.Apps.Chart;
import java.util.List;
import java.util.Map;

/**
 * The hub's services as Helm charts, each pinned to the version the original lab installed unless
 * said otherwise (seed-inventory §6.1, ../shared/upstream-crds/SOURCES.md), with the values the lab
 * needs. Sync waves: cert-manager and ArgoCD first (-2), Crossplane and Kyverno (-1), then the
 * services (0), what needs them (1), and the lab's own objects after.
 */
public final class Services {

  /** The namespace of the metrics stack and Grafana. */
  public static final String OBSERVABILITY = "observability";

  /** The in-cluster URL of the metrics backend: what the operator's ILLM_PROMETHEUS_URL names. */
  public static final String METRICS_URL = "http://vm-hub.observability.svc:8428";

  /** The in-cluster S3 endpoint of the results store. */
  public static final String S3_URL = "http://seaweedfs-s3.seaweedfs.svc:8333";

  /** The bucket of results and Workflow logs. */
  public static final String BUCKET = "experiment-results";

  private Services() {}

  /** Every service's Application. */
  public static List<Application> all() {
    return List.of(
        certManager(),
        crossplane(),
        kyverno(),
        argoWorkflows(),
        victoriaMetrics(),
        metricsAgent(),
        seaweedfs(),
        grafana());
  }

  /** cert-manager v1.19.1 (jetstack chart; its version is its appVersion), with its CRDs. */
  static Application certManager() {
    return Apps.helm(
        "cert-manager",
        -2,
        "cert-manager",
        new Chart("https://charts.jetstack.io", "cert-manager", "v1.19.1", "cert-manager"),
        map("crds", map("enabled", true)));
  }

  /** Crossplane 2.1.3 (crossplane-stable chart). */
  static Application crossplane() {
    return Apps.helm(
        "crossplane",
        -1,
        "crossplane-system",
        new Chart("https://charts.crossplane.io/stable", "crossplane", "2.1.3", "crossplane"),
        map());
  }

  /** Kyverno chart 3.3.4 (Kyverno v1.13.2); the lab's policies come with {@link LabApps}. */
  static Application kyverno() {
    return Apps.helm(
        "kyverno",
        -1,
        "kyverno",
        new Chart("https://kyverno.github.io/kyverno/", "kyverno", "3.3.4", "kyverno"),
        map());
  }

  /**
   * Argo Workflows chart 0.46.2 (v3.7.6): the controller runs the lab's Workflows in argo-workflows
   * as the service account argo-workflow, archiving logs to the results bucket.
   */
  static Application argoWorkflows() {
    Map<String, Object> values =
        map(
            "singleNamespace",
            true,
            "workflow",
            map(
                "serviceAccount",
                map("create", true, "name", "argo-workflow"),
                "rbac",
                map("create", true)),
            "controller",
            map("workflowNamespaces", list("argo-workflows")),
            "server",
            map("authModes", list("server")),
            "artifactRepository",
            map(
                "archiveLogs",
                true,
                "s3",
                map(
                    "bucket",
                    BUCKET,
                    "endpoint",
                    "seaweedfs-s3.seaweedfs.svc:8333",
                    "insecure",
                    true,
                    "accessKeySecret",
                    map("name", "results-s3", "key", "accessKey"),
                    "secretKeySecret",
                    map("name", "results-s3", "key", "secretKey"))));
    return Apps.helm(
        "argo-workflows",
        0,
        "argo-workflows",
        new Chart(
            "https://argoproj.github.io/argo-helm", "argo-workflows", "0.46.2", "argo-workflows"),
        values);
  }

  /**
   * VictoriaMetrics single 0.14.2 (ADR-031): the hub's metrics backend, receiving the targets'
   * remote writes and the hub agent's, queried by the operator at {@link #METRICS_URL}.
   */
  static Application victoriaMetrics() {
    return Apps.helm(
        "victoria-metrics",
        0,
        OBSERVABILITY,
        new Chart(
            "https://victoriametrics.github.io/helm-charts/",
            "victoria-metrics-single",
            "0.14.2",
            "victoria-metrics"),
        map(
            "server",
            map(
                "fullnameOverride", "vm-hub",
                "retentionPeriod", "30d",
                "persistentVolume", map("enabled", true, "size", "20Gi"))));
  }

  /**
   * vmagent (victoria-metrics-agent chart 0.14.2, released with the single chart above; not in the
   * original): scrapes the hub's kubelets and cAdvisor with the label {@code cluster="hub"} on
   * every series, as the per-target default queries select ({@code cluster="$CLUSTER"},
   * docs/metrics.md), and remote-writes to {@link #METRICS_URL}.
   */
  static Application metricsAgent() {
    return Apps.helm(
        "metrics-agent",
        1,
        OBSERVABILITY,
        new Chart(
            "https://victoriametrics.github.io/helm-charts/",
            "victoria-metrics-agent",
            "0.14.2",
            "vmagent"),
        map(
            "remoteWrite", list(map("url", METRICS_URL + "/api/v1/write")),
            "config",
                map(
                    "global",
                    map("scrape_interval", "15s", "external_labels", map("cluster", "hub")))));
  }

  /**
   * SeaweedFS chart 4.0.0 (ADR-032): the S3 results store, bucket {@link #BUCKET}, credentials from
   * the Secret {@code results-s3} (docs/hub.md).
   */
  static Application seaweedfs() {
    return Apps.helm(
        "seaweedfs",
        0,
        "seaweedfs",
        new Chart("https://seaweedfs.github.io/seaweedfs/helm", "seaweedfs", "4.0.0", "seaweedfs"),
        map(
            "s3",
            map(
                "enabled",
                true,
                "enableAuth",
                true,
                "existingConfigSecret",
                "results-s3-config",
                "createBuckets",
                list(map("name", BUCKET)))));
  }

  /** Grafana chart 10.5.5, with the hub's VictoriaMetrics as its Prometheus data source. */
  static Application grafana() {
    return Apps.helm(
        "grafana",
        1,
        OBSERVABILITY,
        new Chart("https://grafana.github.io/helm-charts", "grafana", "10.5.5", "grafana"),
        map(
            "datasources",
            map(
                "datasources.yaml",
                map(
                    "apiVersion",
                    1,
                    "datasources",
                    list(
                        map(
                            "name",
                            "VictoriaMetrics",
                            "type",
                            "prometheus",
                            "url",
                            METRICS_URL,
                            "isDefault",
                            true))))));
  }
}
