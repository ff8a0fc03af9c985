package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.CARDINALITY_GENERATOR;
import static io.illm.lab.examples.components.Apps.LOG_GENERATOR;
import static io.illm.lab.examples.components.Observability.ALERTMANAGER_ENABLED;
import static io.illm.lab.examples.components.Observability.GRAFANA_ENABLED;
import static io.illm.lab.examples.components.Observability.KUBE_PROMETHEUS_STACK;
import static io.illm.lab.examples.components.Observability.LOKI;
import static io.illm.lab.examples.components.Observability.PROMETHEUS_RETENTION;
import static io.illm.lab.examples.components.Observability.PROMTAIL;
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
 * A hands-on tutorial on what observability costs: Prometheus (3 days' retention) with the
 * cardinality generator, Loki and Promtail with the log generator. The workflow sets off a
 * cardinality explosion, 10,000 new series remote-written into Prometheus, so that the learner sees
 * head series, memory and log bytes move, and tries the cures (relabelling, retention, log
 * filtering). Unlike the original, Prometheus accepts remote write (the load's way in), and the
 * name is shorter: the original's, observability-cost-tutorial, with "-app" exceeds the 29
 * characters of a cluster name and would be cut to a hash. Services to open (the original's
 * tutorial block): grafana, kube-prometheus-stack-grafana; prometheus,
 * kube-prometheus-stack-prometheus:9090; loki, loki-gateway.
 */
public final class ObservabilityCostTutorial {

  private static final String PROMETHEUS_PODS = "prometheus-kube-prometheus-stack-.*";
  private static final String LOKI_PODS = "loki-.*";

  private ObservabilityCostTutorial() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("obs-cost-tutorial")
        .title("Tutorial: Observability Cost Optimization")
        .describe(
            "Observability cost management - cardinality explosion, log volume, retention"
                + " strategies")
        .tag("tutorial", "observability", "cost")
        .hypothesis(
            hypothesis(
                    "A cardinality explosion of 10,000 series shows in Prometheus' head and"
                        + " memory within minutes, while the log pipeline keeps delivering at"
                        + " least 95 % of the lines it reads")
                .question("Which label turns a handful of series into thousands?")
                .question("How much memory does Prometheus spend per active series?")
                .question("How many bytes a day do the logs add, and what does filtering save?")
                .focus("metric cardinality")
                .focus("log volume")
                .focus("retention")
                .criterion(
                    expect("prometheus_peak_head_series")
                        .atLeast(10_000)
                        .describe("the ingest's 10 x 1,000 series reached the head"))
                .criterion(
                    expect("promtail_delivered")
                        .atLeast(95)
                        .describe("share of lines read that Promtail sent to Loki")))
        .target(
            target("app")
                .on(gke().spot())
                .deploy(
                    KUBE_PROMETHEUS_STACK
                        .with(GRAFANA_ENABLED, true)
                        .with(PROMETHEUS_RETENTION, "3d")
                        .with(ALERTMANAGER_ENABLED, false)
                        // the workflow's cardinality explosion arrives by remote write
                        .with("prometheus.prometheusSpec.enableRemoteWriteReceiver", "true"),
                    LOKI,
                    PROMTAIL,
                    LOG_GENERATOR,
                    CARDINALITY_GENERATOR)
                .observability(Transport.TAILSCALE))
        .tutorial(
            tutorial()
                .exposeKubeconfig()
                .service("grafana", "app", "kube-prometheus-stack-grafana", 80)
                .service("prometheus", "app", "kube-prometheus-stack-prometheus", 9090)
                .service("loki", "app", "loki-gateway", 80))
        .workflow(workflow(TutorialWorkflows.observabilityCostTutorial()))
        .completeOn(CompletionMode.MANUAL)
        .metric(
            metric("prometheus_peak_head_series")
                .promql(
                    "max_over_time(sum(" + own("prometheus_tsdb_head_series") + ")[$DURATION:1m])")
                .unit(Unit.COUNT)
                .group("cardinality")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("Most series Prometheus held in its head block"),
            peakMemory("prometheus_peak_memory", PROMETHEUS_PODS, "Peak memory of Prometheus"),
            delivered(
                "promtail_delivered",
                own("promtail_sent_entries_total"),
                own("promtail_read_lines_total"),
                "Lines Promtail sent to Loki, of the lines it read"),
            increase(
                "loki_bytes_received",
                own("loki_distributor_bytes_received_total"),
                Unit.BYTES,
                "Log bytes Loki received over the session"),
            peakMemory("loki_peak_memory", LOKI_PODS, "Peak memory of Loki"))
        .runningDeadline(Duration.ofHours(4))
        .totalDeadline(Duration.ofHours(5))
        .cleanupOnComplete(delete())
        .budget(2)
        .build();
  }
}
