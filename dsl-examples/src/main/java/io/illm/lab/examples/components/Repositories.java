package io.illm.lab.examples.components;

/** The repositories the lab's components come from: the URLs the original lab used. */
public final class Repositories {

  /** The original lab's repository: manifests of the lab's own apps, values files. */
  public static final String TESTBED = "https://github.com/illMadeCoder/k8s-ai-cloud-testbed.git";

  /**
   * The revision of {@link #TESTBED} the components deploy: the commit the original lab's catalogue
   * was read at (5511c21, 2026-02-23), pinned so that a run deploys the manifests and values this
   * catalogue was checked against, not whatever the repository's HEAD is that day.
   */
  public static final String TESTBED_REVISION = "5511c21bdc94b9af622260e3e9a8f9ab8c0c1a6a";

  public static final String PROMETHEUS_COMMUNITY =
      "https://prometheus-community.github.io/helm-charts";
  public static final String GRAFANA = "https://grafana.github.io/helm-charts";
  public static final String VICTORIA_METRICS = "https://victoriametrics.github.io/helm-charts";
  public static final String MINIO = "https://charts.min.io/";
  public static final String BITNAMI = "https://charts.bitnami.com/bitnami";
  public static final String CHAOS_MESH = "https://charts.chaos-mesh.org";
  public static final String ENVOY_GATEWAY = "https://charts.gateway.envoyproxy.io";
  public static final String INGRESS_NGINX = "https://kubernetes.github.io/ingress-nginx";
  public static final String TAILSCALE = "https://pkgs.tailscale.com/helmcharts";
  public static final String TRAEFIK = "https://traefik.github.io/charts";
  public static final String KONG = "https://charts.konghq.com";
  public static final String STRIMZI = "https://strimzi.io/charts/";
  public static final String ELASTIC = "https://helm.elastic.co";
  public static final String FLUENT = "https://fluent.github.io/helm-charts";
  public static final String JAEGER = "https://jaegertracing.github.io/helm-charts";
  public static final String OPEN_TELEMETRY =
      "https://open-telemetry.github.io/opentelemetry-helm-charts";
  public static final String PYRRA = "https://rlex.github.io/helm-charts";
  public static final String SEAWEEDFS = "https://seaweedfs.github.io/seaweedfs/helm";
  public static final String ARGO = "https://argoproj.github.io/argo-helm";

  private Repositories() {}
}
