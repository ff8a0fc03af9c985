package io.illm.lab.examples.components;

/** The repositories the lab's components come from. */
public final class Repositories {

  /** The original lab's repository: manifests of the lab's own apps, values files. */
  public static final String TESTBED = "https://github.com/illMadeCoder/k8s-ai-cloud-testbed.git";

  /** The revision of {@link #TESTBED} the components track. */
  public static final String TESTBED_REVISION = "HEAD";

  public static final String PROMETHEUS_COMMUNITY =
      "https://prometheus-community.github.io/helm-charts";
  public static final String GRAFANA = "https://grafana.github.io/helm-charts";
  public static final String VICTORIA_METRICS = "https://victoriametrics.github.io/helm-charts";
  public static final String MINIO = "https://charts.min.io/";

  private Repositories() {}
}
