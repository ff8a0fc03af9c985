package io.illm.lab.examples.workflows;

import static io.illm.lab.dsl.Lab.workflowTemplate;

import io.illm.lab.dsl.HttpLoad;
import io.illm.lab.dsl.LabSteps;
import io.illm.lab.dsl.LabWorkflowTemplate;
import io.illm.lab.dsl.LogLoad;
import io.illm.lab.dsl.StepDef;
import io.illm.lab.dsl.TraceLoad;
import io.illm.lab.dsl.WorkflowTemplateDef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The WorkflowTemplates of the catalogue's comparisons (gateway-comparison, logging-comparison,
 * tracing-comparison, ui-showcase): each waits for every target's workloads, checks each system
 * answers, loads every contender at once with the same typed load, and records it.
 *
 * <p>Every contender is loaded at once, not in turn: the operator cuts the workflow's window into
 * equal repetition windows, and a comparison reads each contender's value per window, so every
 * window must hold every contender under the same load. In turn, each window would find a different
 * one loaded and the others idle.
 */
public final class ComparisonWorkflows {

  /** gateway-comparison's load generator's target; the gateways run on {@link Workflows#TARGET}. */
  public static final String LOADGEN = "loadgen";

  /** The Loki stack's target (logging-comparison, ui-showcase). */
  public static final String LOKI = "loki";

  /**
   * The Elasticsearch stack's target (logging-comparison, ui-showcase): short, as the original's
   * metrics named it, so that the cluster's name (experiment-target) stays whole.
   */
  public static final String ELASTICSEARCH = "es";

  /** Tempo's target (tracing-comparison). */
  public static final String TEMPO = "tempo";

  /** Jaeger's target (tracing-comparison). */
  public static final String JAEGER = "jaeger";

  /** The Service every gateway routes to: Bitnami's nginx, two replicas. */
  static final String BACKEND = "nginx";

  /**
   * A gateway of gateway-comparison: the step that loads it and what publishes its address.
   *
   * @param name the component's name; the load step is {@code load-<name>}
   * @param address the Service (or {@code <kind>/<name>}) whose external address k6 requests
   */
  public record Gateway(String name, String address) {}

  /**
   * The four gateways in the order they are loaded and reported: ingress-nginx's controller,
   * Traefik, Envoy Gateway's proxy (the address of the Gateway it programs) and Kong's proxy.
   */
  public static final List<Gateway> GATEWAYS =
      List.of(
          new Gateway("nginx-ingress", "ingress-nginx-controller"),
          new Gateway("traefik", "traefik"),
          new Gateway("envoy-gateway", "gateway/lab-envoy"),
          new Gateway("kong", "kong-kong-proxy"));

  /** Requests a second k6 sends to each gateway at once. */
  public static final int GATEWAY_RATE = 100;

  /** What no chart makes: a route to the backend on every gateway, Kong's latency metrics. */
  static final String GATEWAY_ROUTES =
      ingress("nginx")
          + "---\n"
          + ingress("traefik")
          + "---\n"
          + ingress("kong")
          + """
          ---
          apiVersion: configuration.konghq.com/v1
          kind: KongClusterPlugin
          metadata:
            name: lab-prometheus
            annotations:
              kubernetes.io/ingress.class: kong
            labels:
              global: "true"
          plugin: prometheus
          config:
            latency_metrics: true
            status_code_metrics: true
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: GatewayClass
          metadata:
            name: lab-envoy
          spec:
            controllerName: gateway.envoyproxy.io/gatewayclass-controller
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: Gateway
          metadata:
            name: lab-envoy
          spec:
            gatewayClassName: lab-envoy
            listeners:
              - name: http
                protocol: HTTP
                port: 80
          ---
          apiVersion: gateway.networking.k8s.io/v1
          kind: HTTPRoute
          metadata:
            name: lab-envoy
          spec:
            parentRefs:
              - name: lab-envoy
            rules:
              - backendRefs:
                  - name: %s
                    port: 80
          """
              .formatted(BACKEND);

  private ComparisonWorkflows() {}

  /**
   * gateway-comparison: the gateways ready, each routed to nginx (Envoy Gateway's proxy
   * programmed), nginx answering through ingress-nginx, then k6 on the load generator's cluster
   * sending {@value #GATEWAY_RATE} requests/s (50 VUs, the original's 50 users) to each gateway's
   * external address at once for 20 minutes, the original's loaded phase.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef gatewayComparison() {
    List<StepDef> loads = new ArrayList<>();
    HttpLoad first = null;
    for (Gateway gateway : GATEWAYS) {
      HttpLoad load =
          HttpLoad.k6(Workflows.TARGET, gateway.address(), 80)
              .rate(GATEWAY_RATE)
              .vus(50)
              .duration(Duration.ofMinutes(20))
              .from(LOADGEN);
      first = first == null ? load : first;
      loads.add(load.step("load-" + gateway.name()));
    }
    return workflowTemplate("gateway-comparison-validation")
        .describe(
            "gateway-comparison: four gateways routed to nginx, then 100 requests/s to each at"
                + " once from the loadgen cluster for 20 minutes")
        .param(
            LabSteps.EXPERIMENT_NAME,
            LabSteps.endpoint(Workflows.TARGET),
            LabSteps.endpoint(LOADGEN),
            first.durationParam())
        .step(LabSteps.waitForWorkloads(Workflows.READY, Workflows.TARGET))
        .step(
            LabSteps.apply(
                "routes",
                Workflows.TARGET,
                GATEWAY_ROUTES,
                Workflows.READY,
                "gateway/lab-envoy=Programmed"))
        .step(LabSteps.smoke("smoke", Workflows.TARGET, "ingress-nginx-controller", 80, "/"))
        .step(loads.toArray(StepDef[]::new))
        .step(LabSteps.recordLoad(loads.get(0)))
        .deadline(Duration.ofHours(1));
  }

  /**
   * logging-comparison: both stacks ready and answering, then 100 log lines/s of flog on each
   * cluster at once for 60 minutes: the original's 15 minutes of Elasticsearch warm-up and 45 of
   * steady state (its 10 minutes of cooldown carried no load and are left out).
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef loggingComparison() {
    return lokiVersusElasticsearch(
        "logging-comparison-v3",
        "logging-comparison: Loki and Elasticsearch ready, then 100 log lines/s into each for 60"
            + " minutes",
        LogLoad.flog(LOKI).linesPerSecond(100).duration(Duration.ofMinutes(60)),
        Duration.ofHours(2));
  }

  /** ui-showcase: both stacks ready and answering, then 50 log lines/s into each for 300 s. */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef uiShowcase() {
    return lokiVersusElasticsearch(
        "ui-showcase-validation",
        "ui-showcase: Loki and Elasticsearch ready, then 50 log lines/s into each for 5 minutes",
        LogLoad.flog(LOKI).linesPerSecond(50).duration(Duration.ofSeconds(300)),
        Duration.ofMinutes(45));
  }

  /**
   * tracing-comparison: both backends ready and answering, then telemetrygen sending 50 traces/s (a
   * root and 4 child spans each: 250 spans/s) over OTLP into each backend at once for 1,200 s, the
   * original's observation.
   */
  @LabWorkflowTemplate
  public static WorkflowTemplateDef tracingComparison() {
    TraceLoad tempo = traces(TEMPO, "tempo:4317");
    TraceLoad jaeger = traces(JAEGER, "jaeger-collector:4317");
    StepDef tempoStep = renamed(tempo.step(), "traces-" + TEMPO);
    return workflowTemplate("tracing-comparison-validation")
        .describe(
            "tracing-comparison: Tempo and Jaeger ready, then 250 spans/s over OTLP into each for"
                + " 1,200 s")
        .param(
            LabSteps.EXPERIMENT_NAME,
            LabSteps.endpoint(TEMPO),
            LabSteps.endpoint(JAEGER),
            tempo.durationParam())
        .step(LabSteps.waitForWorkloads(Workflows.READY, TEMPO, JAEGER))
        .step(
            LabSteps.smoke("smoke", TEMPO, "tempo", 3100, "/ready"),
            LabSteps.smoke("smoke-" + JAEGER, JAEGER, "jaeger-query", 16686, "/"))
        .step(tempoStep, renamed(jaeger.step(), "traces-" + JAEGER))
        .step(LabSteps.recordLoad(tempoStep))
        .deadline(Duration.ofHours(1));
  }

  /** The same trace load as tracing-comparison's, into one backend. */
  public static TraceLoad traces(String target, String endpoint) {
    return TraceLoad.telemetrygen(target, endpoint)
        .tracesPerSecond(50)
        .childSpans(4)
        .duration(Duration.ofSeconds(1200));
  }

  private static WorkflowTemplateDef lokiVersusElasticsearch(
      String name, String description, LogLoad lokiLoad, Duration deadline) {
    LogLoad esLoad =
        LogLoad.flog(ELASTICSEARCH)
            .linesPerSecond(lokiLoad.linesPerSecond())
            .duration(lokiLoad.duration());
    StepDef loki = renamed(lokiLoad.step(), "logs-" + LOKI);
    return workflowTemplate(name)
        .describe(description)
        .param(
            LabSteps.EXPERIMENT_NAME,
            LabSteps.endpoint(LOKI),
            LabSteps.endpoint(ELASTICSEARCH),
            lokiLoad.durationParam())
        .step(LabSteps.waitForWorkloads(Workflows.READY, LOKI, ELASTICSEARCH))
        .step(
            LabSteps.smoke("smoke", LOKI, "loki-gateway", 80, "/"),
            LabSteps.smoke(
                "smoke-" + ELASTICSEARCH,
                ELASTICSEARCH,
                "elasticsearch-master",
                9200,
                "/_cluster/health"))
        .step(loki, renamed(esLoad.step(), "logs-" + ELASTICSEARCH))
        .step(LabSteps.recordLoad(loki))
        .deadline(deadline);
  }

  private static StepDef renamed(StepDef step, String name) {
    return new StepDef(name, step.script(), step.arguments(), step.when());
  }

  private static String ingress(String className) {
    return """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: lab-%s
        spec:
          ingressClassName: %s
          rules:
            - http:
                paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: %s
                        port:
                          number: 80
        """
        .formatted(className, className, BACKEND);
  }
}
