package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.OTEL_DEMO;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_ENABLED;
import static io.illm.lab.examples.components.Tracing.OTEL_COLLECTOR;
import static io.illm.lab.examples.components.Tracing.TEMPO;
import static io.illm.lab.examples.experiments.TutorialMetrics.MIB;
import static io.illm.lab.examples.experiments.TutorialMetrics.delivered;
import static io.illm.lab.examples.experiments.TutorialMetrics.increase;
import static io.illm.lab.examples.experiments.TutorialMetrics.own;
import static io.illm.lab.examples.experiments.TutorialMetrics.peakMemory;

import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.TutorialWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * A hands-on OpenTelemetry tutorial: otel-demo's three services send their spans to the
 * OpenTelemetry Collector, which exports them to Tempo, searched with TraceQL from Grafana. The
 * workflow sends 20 requests/s to user-service, each the root of a trace across the services. The
 * collector's metric names gained a {@code _total} suffix in later releases: the queries accept
 * both. Services to open (the tutorial block below, as the original's; ports the original left out
 * are the charts' defaults): grafana, kube-prometheus-stack-grafana; tempo, tempo:3100;
 * user-service, user-service:8080.
 */
public final class OtelTutorial {

  private static final String COLLECTOR_PODS = "otel-collector-.*";
  private static final String TEMPO_PODS = "tempo-.*";

  private OtelTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("otel-tutorial")
        .title("Tutorial: OpenTelemetry Observability Pipeline")
        .describe("OpenTelemetry distributed tracing tutorial - OTel Collector, Tempo, TraceQL")
        .tag("tutorial", "observability", "tracing")
        .hypothesis(
            hypothesis(
                    "The collector exports to Tempo at least 95 % of the spans it accepts from"
                        + " otel-demo at 20 requests/s, and Tempo receives them")
                .question("How does one request become a trace of spans across three services?")
                .question("What do the collector's receivers, processors and exporters each do?")
                .question("Which TraceQL query finds the slowest request, and why is it slow?")
                .focus("trace pipeline delivery")
                .focus("TraceQL")
                .criterion(
                    expect("collector_spans_delivered")
                        .atLeast(95)
                        .describe("share of accepted spans the collector sent on"))
                .criterion(expect("tempo_spans_received").above(0).describe("Tempo received spans"))
                .criterion(
                    expect("collector_peak_memory")
                        .below(512 * MIB)
                        .describe("a collector at this rate should stay small")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    OTEL_COLLECTOR,
                    TEMPO,
                    KUBE_PROMETHEUS_STACK
                        .with(PROMETHEUS_ENABLED, true)
                        .with(GRAFANA_ENABLED, true)
                        .with(ALERTMANAGER_ENABLED, false),
                    OTEL_DEMO)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                .service("tempo", "app", "tempo", 3100)
                .service("user-service", "app", "user-service", 8080))
        .workflow(workflow(TutorialWorkflows.otelTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            delivered(
                "collector_spans_delivered",
                counter("otelcol_exporter_sent_spans"),
                counter("otelcol_receiver_accepted_spans"),
                "Spans the collector exported, of the spans it accepted"),
            increase(
                "collector_spans_failed",
                counter("otelcol_exporter_send_failed_spans"),
                Unit.COUNT,
                "Spans the collector failed to export"),
            increase(
                    "tempo_spans_received",
                    own("tempo_distributor_spans_received_total"),
                    Unit.COUNT,
                    "Spans Tempo's distributor received")
                // Tempo exports the counter from its first span on: none means none arrived
                .onEmpty(EmptyResult.ZERO),
            peakMemory("collector_peak_memory", COLLECTOR_PODS, "Peak memory of the collector"),
            peakMemory("tempo_peak_memory", TEMPO_PODS, "Peak memory of Tempo"))
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }

  /** A collector counter under its old name or the later one with {@code _total}. */
  private static String counter(String name) {
    return "{__name__=~\"" + name + "(_total)?\",experiment=\"$EXPERIMENT\"}";
  }
}
