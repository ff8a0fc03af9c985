package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.examples.components.Repositories.GRAFANA;
import static io.illm.lab.examples.components.Repositories.TESTBED;
import static io.illm.lab.examples.components.Repositories.TESTBED_REVISION;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/** Load generators that run as Kubernetes objects beside, or apart from, the system under test. */
public final class Testing {

  /** Operator replicas. */
  public static final Param<Integer> K6_OPERATOR_REPLICAS =
      intParam("manager.replicas").defaultValue(1).describe("Operator replicas");

  /** The operator's resources: the chart sets none. */
  public static final Resources K6_OPERATOR_RESOURCES =
      Resources.of("manager.resources", "the k6 operator", null, null, null, null);

  /**
   * The k6 operator: load tests as TestRun objects, spread over parallel runner pods. The
   * original's {@code k6} entry installed it on the hub with a namespace and a ConfigMap of its
   * own.
   */
  @LabComponent
  public static final ComponentDef K6_OPERATOR =
      component("k6-operator", Category.TESTING)
          .describe("Grafana k6 operator: load tests as TestRun objects over parallel runners")
          .source(chart(GRAFANA, "k6-operator").revision("3.16.0").releaseName("k6-operator"))
          .parameter(K6_OPERATOR_REPLICAS)
          .parameter(K6_OPERATOR_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "k6-operator");

  /**
   * The gateway comparison's load: a k6 Job on a separate cluster that finds the gateways of the
   * app cluster through a mounted kubeconfig, waits ten minutes for an idle baseline, then runs 16
   * minutes of staged load against nginx-ingress, Traefik and Envoy Gateway (not Kong or Contour).
   * The original declared {@code type: testing}, which its own CRD rejected; the category says it.
   */
  @LabComponent
  public static final ComponentDef K6_GATEWAY_LOADTEST =
      component("k6-gateway-loadtest", Category.TESTING)
          .describe(
              "k6 load test for gateway comparison — runs on a separate loadgen cluster, discovers"
                  + " gateway endpoints via cross-cluster kubeconfig")
          .git(TESTBED, "components/testing/k6-gateway-loadtest/manifests", TESTBED_REVISION)
          .podLabel("app", "k6-gateway-load-test");

  private Testing() {}
}
