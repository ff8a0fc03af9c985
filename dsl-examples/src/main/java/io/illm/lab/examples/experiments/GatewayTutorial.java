package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.NGINX;
import static io.illm.lab.examples.components.Apps.NGINX_REPLICAS;
import static io.illm.lab.examples.components.Core.ENVOY_GATEWAY;
import static io.illm.lab.examples.components.Core.NGINX_INGRESS;
import static io.illm.lab.examples.experiments.TutorialMetrics.MIB;
import static io.illm.lab.examples.experiments.TutorialMetrics.cpu;
import static io.illm.lab.examples.experiments.TutorialMetrics.own;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakMemory;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakRate;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on gateway tutorial: two nginx replicas behind the NGINX ingress controller (Ingress) and
 * Envoy Gateway (Gateway API), for the learner to route to with each and migrate from one to the
 * other. The workflow loads nginx directly at 50 requests/s: the baseline the routed paths are
 * compared with. Services to open: nginx-ingress, ingress-nginx-controller:80. The original also
 * listed envoy-gateway, the controller's Service, which serves xDS to the proxies and nothing a
 * learner opens; the proxy Service Envoy Gateway creates per Gateway has a generated name, so it is
 * not listed.
 */
public final class GatewayTutorial {

  private static final String NGINX_PODS = "nginx-.*";
  private static final String INGRESS_PODS = "ingress-nginx-.*";
  private static final String ENVOY_GATEWAY_PODS = "envoy-gateway-.*";

  private GatewayTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("gateway-tutorial")
        .title("Tutorial: API Gateway Patterns on Kubernetes")
        .describe("Gateway API tutorial - Ingress basics to Gateway API migration with Envoy")
        .tag("tutorial", "networking", "gateway")
        .hypothesis(
            hypothesis(
                    "Two nginx replicas serve the workflow's 50 requests/s in full, and both"
                        + " controllers stay inside their 256 MiB limits while the learner adds"
                        + " Ingress and Gateway API routes")
                .question("What does an Ingress express that a Gateway and an HTTPRoute split up?")
                .question("What does each controller cost at rest and while routing?")
                .question("How do requests through a controller compare with requests to nginx?")
                .focus("Ingress versus Gateway API")
                .focus("controller footprint")
                .criterion(
                    expect("nginx_peak_request_rate")
                        .atLeast(45)
                        .describe("90 % of the 50 requests/s the workflow sends"))
                .criterion(
                    expect("ingress_controller_peak_memory")
                        .below(256 * MIB)
                        .describe("the ingress controller's memory limit"))
                .criterion(
                    expect("envoy_gateway_peak_memory")
                        .below(256 * MIB)
                        .describe("Envoy Gateway's controller memory limit")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(NGINX_INGRESS, ENVOY_GATEWAY, NGINX.with(NGINX_REPLICAS, 2))
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("nginx-ingress", "app", "ingress-nginx-controller", 80))
        .workflow(workflow(TutorialWorkflows.gatewayTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            peakRate(
                "nginx_peak_request_rate",
                own("nginx_http_requests_total"),
                Unit.REQUESTS_PER_SECOND.value(),
                "Highest one-minute request rate nginx served (its exporter)"),
            peakRate(
                "ingress_peak_request_rate",
                own("nginx_ingress_controller_requests"),
                Unit.REQUESTS_PER_SECOND.value(),
                "Highest one-minute request rate through the ingress controller (none until"
                    + " the learner adds an Ingress)"),
            peakMemory(
                "ingress_controller_peak_memory", INGRESS_PODS, "Peak memory of ingress-nginx"),
            peakMemory(
                "envoy_gateway_peak_memory", ENVOY_GATEWAY_PODS, "Peak memory of Envoy Gateway"),
            cpu("nginx_cpu", NGINX_PODS, "nginx CPU over the session"))
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }
}
