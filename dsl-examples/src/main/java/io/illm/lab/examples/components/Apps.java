package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.examples.components.Repositories.TESTBED;
import static io.illm.lab.examples.components.Repositories.TESTBED_REVISION;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.model.Category;

/**
 * The lab's own workload apps: plain manifests (Kustomize) in the testbed repository.
 *
 * <p>The original declared {@code replicas} and {@code logRate} parameters on some of these, but a
 * Git source takes no Helm values, so nothing ever applied them; they are left out here rather than
 * documented as knobs that do nothing.
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

  private Apps() {}
}
