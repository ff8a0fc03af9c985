package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.LOG_GENERATOR;
import static io.illm.lab.examples.components.Logging.ELASTICSEARCH;
import static io.illm.lab.examples.components.Logging.FLUENT_BIT;
import static io.illm.lab.examples.components.Observability.LOKI;
import static io.illm.lab.examples.components.Observability.PROMTAIL;
import static io.illm.lab.examples.experiments.LoggingComparison.ES_TARGET;
import static io.illm.lab.examples.experiments.LoggingComparison.LOKI_TARGET;
import static io.illm.lab.examples.experiments.PodMetrics.ofTarget;

import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.examples.workflows.ComparisonWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A short Loki-against-Elasticsearch run whose results exercise every block of the analysis and the
 * site: range charts, summary cards, drill-downs, criteria with intervals and a comparison between
 * targets. The stacks run on two clusters (targets {@code loki} and {@code es}) so that the
 * comparison and the comparative criteria have two targets to compare; 50 log lines/s for 300 s,
 * three repetition windows.
 */
public final class UiShowcase {

  private static final double MIB = 1024 * 1024;

  private UiShowcase() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("ui-showcase")
        .title("UI Showcase: Loki vs Elasticsearch in Every Block Type")
        .describe(
            "UI component showcase — Loki vs Elasticsearch comparison designed to exercise every"
                + " block type in the rich narrative body (metric charts, comparisons, capability"
                + " rows, callouts, tables, recommendations, architecture diagrams)")
        .tag("comparison", "observability", "logging", "demo")
        .publish()
        .hypothesis(
            hypothesis(
                    "A visual-first analysis body with typed content blocks (charts, comparison"
                        + " cards, callouts, tables, capability rows) tells a more effective story"
                        + " than paragraphs of prose — and Loki will still use fewer resources than"
                        + " Elasticsearch while doing it")
                .question(
                    "Can every body block type (metric, comparison, capabilityRow, table, callout,"
                        + " recommendation, architecture) render correctly inline?")
                .question(
                    "Do collapsible topics create a better reading experience than flat analysis"
                        + " sections?")
                .question(
                    "What is the resource overhead difference between Loki and Elasticsearch even"
                        + " on a 5-minute observation?")
                .question(
                    "How many distinct visual components can the AI weave into a coherent"
                        + " narrative?")
                .focus("UI component coverage")
                .focus("visual storytelling")
                .focus("resource efficiency")
                .focus("query capability comparison")
                .focus("deployment complexity")
                .criterion(
                    expect("stack_memory")
                        .of(LOKI_TARGET)
                        .below(ES_TARGET)
                        .describe("Loki's stack uses less memory than Elasticsearch's"),
                    expect("stack_cpu")
                        .of(LOKI_TARGET)
                        .below(ES_TARGET)
                        .describe("and fewer cores"),
                    expect("backend_memory_peak")
                        .below(2048 * MIB)
                        .target(ES_TARGET)
                        .describe(
                            "the Elasticsearch node's memory limit: above it is an OOM kill")))
        .target(
            target(LOKI_TARGET)
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(LOKI, PROMTAIL, LOG_GENERATOR)
                .observability(Transport.TAILSCALE),
            target(ES_TARGET)
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(ELASTICSEARCH, FLUENT_BIT, LOG_GENERATOR)
                .observability(Transport.TAILSCALE))
        .workflow(workflow(ComparisonWorkflows.uiShowcase()))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metrics())
        .compare(baseline(ES_TARGET).targets(LOKI_TARGET).metrics("stack_cpu", "stack_memory"))
        .repetitions(3)
        .qualityGate(qualityGate().minDataCoverage(0.8))
        // the original observed 300 s: that load after up to 10 minutes for the workloads and the
        // smoke tests, within the template's 30 minutes
        .runningDeadline(Duration.ofMinutes(30))
        .totalDeadline(Duration.ofMinutes(90))
        .cleanupOnComplete(delete())
        .cleanupOnFailure(retain(Duration.ofHours(1)))
        // ./lab render estimates $0.87 at most (both clusters for the total deadline and the hour
        // kept after a failure)
        .budget(1.25)
        .build();
  }

  private static MetricDef[] metrics() {
    List<MetricDef> metrics = new ArrayList<>(List.of(LoggingComparison.metrics("1m")));
    String all = ofTarget() + ",namespace=\"$NAMESPACE\"";
    metrics.add(
        metric("pod_count")
            .promql("count(count by (pod) (container_memory_working_set_bytes{" + all + "}))")
            .unit(Unit.COUNT)
            .group("cluster")
            .perTarget()
            .describe("Running pod count"));
    metrics.add(
        metric("container_restarts")
            .promql(
                "sum(kube_pod_container_status_restarts_total{"
                    + "experiment=\"$EXPERIMENT\",cluster=\"$CLUSTER\",namespace=\"$NAMESPACE\"})")
            .unit(Unit.COUNT)
            .group("cluster")
            .perTarget()
            // kube-state-metrics' series: absent where the cluster does not run it
            .onEmpty(EmptyResult.INSUFFICIENT)
            .describe("Total container restarts (kube-state-metrics)"));
    return metrics.toArray(MetricDef[]::new);
  }
}
