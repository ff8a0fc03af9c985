package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.boolParam;
import static io.illm.lab.dsl.Lab.chart;
import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.intParam;
import static io.illm.lab.dsl.Lab.stringParam;
import static io.illm.lab.examples.components.Repositories.BITNAMI;
import static io.illm.lab.examples.components.Repositories.INGRESS_NGINX;
import static io.illm.lab.examples.components.Repositories.TAILSCALE;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.LabComponent;
import io.illm.lab.dsl.Param;
import io.illm.lab.model.Category;

/**
 * Ingress controllers and gateways (the gateway comparison's contenders) and the Tailscale
 * operator. The gateways get the same budget (100m/128Mi requested, 500m/256Mi at most, one
 * replica) so that a comparison compares software, not sizing; Envoy Gateway's budget is its
 * controller's, its proxies are configured per Gateway.
 */
public final class Core {

  // ---- ingress-nginx

  /** How the controller is exposed. */
  public static final Param<String> NGINX_INGRESS_SERVICE_TYPE =
      stringParam("controller.service.type")
          .defaultValue("LoadBalancer")
          .describe("Service type for the ingress controller");

  /** Controller replicas. */
  public static final Param<Integer> NGINX_INGRESS_REPLICAS =
      intParam("controller.replicaCount").defaultValue(1).describe("Controller replicas");

  /** The controller's Prometheus endpoint on port 10254. */
  public static final Param<Boolean> NGINX_INGRESS_METRICS =
      boolParam("controller.metrics.enabled")
          .defaultValue(true)
          .describe("Expose controller metrics on port 10254 (the chart's default is off)");

  /** A ServiceMonitor for those metrics; needs the Prometheus Operator's CRDs on the target. */
  public static final Param<Boolean> NGINX_INGRESS_SERVICE_MONITOR =
      boolParam("controller.metrics.serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** The controller's resources. */
  public static final Resources NGINX_INGRESS_RESOURCES =
      Resources.of("controller.resources", "the controller", "100m", "128Mi", "500m", "256Mi");

  /** The Kubernetes community's NGINX ingress controller. */
  @LabComponent
  public static final ComponentDef NGINX_INGRESS =
      component("nginx-ingress", Category.CORE)
          .describe("NGINX Ingress Controller for Kubernetes")
          .source(
              chart(INGRESS_NGINX, "ingress-nginx")
                  .revision("4.11.3")
                  .releaseName("ingress-nginx")
                  .set("controller.admissionWebhooks.enabled", "true"))
          .parameter(
              NGINX_INGRESS_SERVICE_TYPE,
              NGINX_INGRESS_REPLICAS,
              NGINX_INGRESS_METRICS,
              NGINX_INGRESS_SERVICE_MONITOR)
          .parameter(NGINX_INGRESS_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "ingress-nginx")
          .metricsPort(10254);

  // ---- Traefik

  /** How Traefik is exposed. */
  public static final Param<String> TRAEFIK_SERVICE_TYPE =
      stringParam("service.type").defaultValue("LoadBalancer").describe("Service type for Traefik");

  /** Traefik replicas. */
  public static final Param<Integer> TRAEFIK_REPLICAS =
      intParam("deployment.replicas").defaultValue(1).describe("Traefik replicas");

  /** A ServiceMonitor for the metrics entrypoint; needs the Prometheus Operator's CRDs. */
  public static final Param<Boolean> TRAEFIK_SERVICE_MONITOR =
      boolParam("metrics.prometheus.serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** Traefik's resources. */
  public static final Resources TRAEFIK_RESOURCES =
      Resources.of("resources", "Traefik", "100m", "128Mi", "500m", "256Mi");

  /** Traefik with both the Ingress and the Gateway API providers on. */
  @LabComponent
  public static final ComponentDef TRAEFIK =
      component("traefik", Category.CORE)
          .describe("Traefik proxy and ingress controller with Gateway API support")
          .source(
              chart(Repositories.TRAEFIK, "traefik")
                  .revision("32.1.0")
                  .releaseName("traefik")
                  .set("providers.kubernetesIngress.enabled", "true")
                  .set("providers.kubernetesGateway.enabled", "true"))
          .parameter(TRAEFIK_SERVICE_TYPE, TRAEFIK_REPLICAS, TRAEFIK_SERVICE_MONITOR)
          .parameter(TRAEFIK_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "traefik")
          .metricsPort(9100);

  // ---- Envoy Gateway

  /** Controller replicas. */
  public static final Param<Integer> ENVOY_GATEWAY_REPLICAS =
      intParam("deployment.replicas")
          .defaultValue(1)
          .describe("Number of Envoy Gateway controller replicas");

  /**
   * The controller's resources. The original set {@code deployment.pod.resources.*}, which the
   * chart does not read; these are the values it does.
   */
  public static final Resources ENVOY_GATEWAY_RESOURCES =
      Resources.of(
          "deployment.envoyGateway.resources",
          "the Envoy Gateway controller",
          "100m",
          "256Mi",
          "500m",
          "1024Mi");

  /** Envoy Gateway: the Gateway API implemented on Envoy; its chart also installs the CRDs. */
  @LabComponent
  public static final ComponentDef ENVOY_GATEWAY =
      component("envoy-gateway", Category.CORE)
          .describe("Envoy Gateway - Gateway API implementation using Envoy proxy")
          .source(
              chart(Repositories.ENVOY_GATEWAY, "gateway-helm")
                  .revision("v1.2.4")
                  .releaseName("envoy-gateway"))
          .parameter(ENVOY_GATEWAY_REPLICAS)
          .parameter(ENVOY_GATEWAY_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "gateway-helm")
          .metricsPort(19001);

  // ---- Kong

  /** How Kong's proxy is exposed. */
  public static final Param<String> KONG_PROXY_TYPE =
      stringParam("proxy.type").defaultValue("LoadBalancer").describe("Service type for the proxy");

  /** Kong replicas. */
  public static final Param<Integer> KONG_REPLICAS =
      intParam("replicaCount").defaultValue(1).describe("Kong replicas");

  /** Kong's configuration store: off is DB-less, configured by the ingress controller. */
  public static final Param<String> KONG_DATABASE =
      stringParam("env.database")
          .defaultValue("off")
          .describe("Kong's database: off (DB-less, driven by the ingress controller) or postgres");

  /** The Kong Ingress Controller, which turns Ingress and Gateway API objects into routes. */
  public static final Param<Boolean> KONG_INGRESS_CONTROLLER =
      boolParam("ingressController.enabled")
          .defaultValue(true)
          .describe("Run the Kong Ingress Controller beside the proxy");

  /** A ServiceMonitor for the status port; needs the Prometheus Operator's CRDs. */
  public static final Param<Boolean> KONG_SERVICE_MONITOR =
      boolParam("serviceMonitor.enabled")
          .defaultValue(false)
          .describe("Create a ServiceMonitor (needs the Prometheus Operator's CRDs)");

  /** The proxy's resources. */
  public static final Resources KONG_RESOURCES =
      Resources.of("resources", "the Kong proxy", "100m", "128Mi", "500m", "256Mi");

  /** The ingress controller's resources: the chart sets none. */
  public static final Resources KONG_CONTROLLER_RESOURCES =
      Resources.of("ingressController.resources", "the ingress controller", null, null, null, null);

  /**
   * Kong Gateway with its ingress controller, DB-less: the third gateway of the original's own
   * README comparison (Envoy Gateway, Kong, Traefik). It serves Gateway API routes when the Gateway
   * API CRDs are present (envoy-gateway installs them).
   */
  @LabComponent
  public static final ComponentDef KONG =
      component("kong", Category.CORE)
          .describe("Kong Gateway with the Kong Ingress Controller (DB-less), Gateway API support")
          .source(chart(Repositories.KONG, "kong").revision("2.47.0").releaseName("kong"))
          .parameter(
              KONG_PROXY_TYPE,
              KONG_REPLICAS,
              KONG_DATABASE,
              KONG_INGRESS_CONTROLLER,
              KONG_SERVICE_MONITOR)
          .parameter(KONG_RESOURCES.all())
          .parameter(KONG_CONTROLLER_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "kong")
          .metricsPath("/metrics")
          .metricsPort(8100);

  // ---- Contour

  /** Contour controller replicas. */
  public static final Param<Integer> CONTOUR_REPLICAS =
      intParam("contour.replicaCount").defaultValue(1).describe("Contour controller replicas");

  /** How Contour's Envoy is exposed. */
  public static final Param<String> CONTOUR_SERVICE_TYPE =
      stringParam("envoy.service.type")
          .defaultValue("LoadBalancer")
          .describe("Service type for Contour's Envoy");

  /** Contour's Envoy (the data plane). */
  public static final Resources CONTOUR_ENVOY_RESOURCES =
      Resources.of("envoy.resources", "Contour's Envoy", "100m", "128Mi", "500m", "256Mi");

  /**
   * Contour, Envoy-based ingress with Gateway API support. The original installed it as the hub's
   * own gateway ({@code gateway-api}, with a default Gateway for the hub's routes); here it is the
   * chart alone, a fourth contender for gateway comparisons.
   */
  @LabComponent
  public static final ComponentDef CONTOUR =
      component("contour", Category.CORE)
          .describe("Contour ingress controller on Envoy, with Gateway API support (Bitnami chart)")
          .source(chart(BITNAMI, "contour").revision("21.1.4").releaseName("contour"))
          .parameter(CONTOUR_REPLICAS, CONTOUR_SERVICE_TYPE)
          .parameter(CONTOUR_ENVOY_RESOURCES.all())
          .podLabel("app.kubernetes.io/name", "contour")
          .metricsPath("/stats/prometheus")
          .metricsPort(8002);

  // ---- Tailscale

  /** The OAuth client the Tailscale operator joins the tailnet with; set it when deploying. */
  public static final Param<String> TAILSCALE_CLIENT_ID =
      stringParam("oauth.clientId").describe("Tailscale OAuth client ID");

  /** Its secret; never committed, set when the component is deployed. */
  public static final Param<String> TAILSCALE_CLIENT_SECRET =
      stringParam("oauth.clientSecret").describe("Tailscale OAuth client secret");

  /** The operator's device name in the tailnet; distinct names keep several targets apart. */
  public static final Param<String> TAILSCALE_HOSTNAME =
      stringParam("operatorConfig.hostname")
          .defaultValue("tailscale-operator")
          .describe("The operator's device name in the tailnet");

  /** The Tailscale operator, which exposes services across the tailnet (the metrics egress). */
  @LabComponent
  public static final ComponentDef TAILSCALE_OPERATOR =
      component("tailscale-operator", Category.CORE)
          .describe("Tailscale Kubernetes operator for mesh networking and egress services")
          .source(
              chart(TAILSCALE, "tailscale-operator")
                  .revision("1.82.0")
                  .releaseName("tailscale-operator")
                  .set("oauth.clientId", "")
                  .set("oauth.clientSecret", ""))
          .parameter(TAILSCALE_CLIENT_ID, TAILSCALE_CLIENT_SECRET, TAILSCALE_HOSTNAME)
          .podLabel("app.kubernetes.io/name", "tailscale-operator");

  private Core() {}
}
