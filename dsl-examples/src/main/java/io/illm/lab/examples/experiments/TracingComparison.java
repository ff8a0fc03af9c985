package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.OTEL_DEMO;
import static io.illm.lab.examples.components.Tracing.JAEGER;
import static io.illm.lab.examples.components.Tracing.OTEL_COLLECTOR;
import static io.illm.lab.examples.components.Tracing.TEMPO;
import static io.illm.lab.examples.experiments.PodMetrics.cpu;
import static io.illm.lab.examples.experiments.PodMetrics.cpuByPod;
import static io.illm.lab.examples.experiments.PodMetrics.cpuPeak;
import static io.illm.lab.examples.experiments.PodMetrics.memory;
import static io.illm.lab.examples.experiments.PodMetrics.memoryByPod;
import static io.illm.lab.examples.experiments.PodMetrics.memoryPeak;
import static io.illm.lab.examples.experiments.PodMetrics.ofTarget;
import static io.illm.lab.examples.experiments.PodMetrics.pods;

import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.dsl.LabExperiment;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.examples.workflows.ComparisonWorkflows;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Transport;
import java.time.Duration;

/**
 * Tempo against Jaeger (all-in-one, in memory), each with the collector and the demo app on a
 * cluster of its own, fed the same spans by telemetrygen over OTLP (50 traces/s of 5 spans, 250
 * spans/s) for the original's 1,200 s, in three repetition windows.
 *
 * <p>The original had no metrics (the defaults) and one cluster; here each backend is a target so
 * that "Tempo uses fewer resources" is a comparative criterion (ADR-038) on the backends' CPU and
 * memory at the same ingest.
 */
public final class TracingComparison {

  static final String TEMPO_TARGET = ComparisonWorkflows.TEMPO;
  static final String JAEGER_TARGET = ComparisonWorkflows.JAEGER;

  /** Tempo's StatefulSet or Jaeger's all-in-one pod (only one of them runs on a target). */
  static final String BACKEND = "tempo-.*|jaeger-.*";

  static final String COLLECTOR = "otel-collector-.*";

  /** The spans a second telemetrygen sends into each backend. */
  static final int SPANS_PER_SECOND =
      ComparisonWorkflows.traces(TEMPO_TARGET, "-").spansPerSecond();

  private static final double MIB = 1024 * 1024;

  private TracingComparison() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("tracing-comparison")
        .title("Distributed Tracing: Tempo vs Jaeger")
        .describe(
            "Tempo vs Jaeger at the same 250 spans/s over OTLP for 1,200 s, each on its own"
                + " cluster: the backends' CPU and memory, the spans they took, architecture and"
                + " query languages")
        .tag("comparison", "observability", "tracing")
        .publish()
        .hypothesis(
            hypothesis(
                    "Tempo will use fewer resources than Jaeger because it writes traces directly"
                        + " to object storage without an indexing layer, avoiding the CPU and"
                        + " memory overhead of Elasticsearch or Cassandra that Jaeger requires,"
                        + " while Jaeger will provide a more mature query UI because its longer"
                        + " ecosystem tenure has produced richer search, comparison, and dependency"
                        + " graph tooling")
                .question(
                    "What is the resource overhead of each tracing backend under equivalent trace"
                        + " volume?")
                .question(
                    "How do TraceQL and Jaeger's query API compare for operational debugging"
                        + " workflows?")
                .question(
                    "What are the storage architecture trade-offs (object storage vs."
                        + " Elasticsearch/Cassandra)?")
                .focus("resource efficiency")
                .focus("query capability")
                .focus("storage backend architecture")
                .focus("OTLP ingestion compatibility")
                .criterion(
                    expect("backend_cpu")
                        .of(TEMPO_TARGET)
                        .below(JAEGER_TARGET)
                        .describe("Tempo's ingest CPU below Jaeger's at the same spans/s"),
                    expect("backend_memory")
                        .of(TEMPO_TARGET)
                        .below(JAEGER_TARGET)
                        .describe("Tempo's memory below Jaeger's at the same spans/s"),
                    expect("spans_received")
                        .atLeast(0.8 * SPANS_PER_SECOND)
                        .describe(
                            "each backend took at least 80% of the 250 spans/s sent: the"
                                + " comparison is at the same ingest"),
                    expect("backend_memory_peak")
                        .below(2048 * MIB)
                        .describe(
                            "a backend that needs more than 2 GiB for 20 minutes of 250 spans/s"
                                + " does not fit a small cluster")))
        .target(
            target(TEMPO_TARGET)
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(OTEL_COLLECTOR, TEMPO, OTEL_DEMO)
                .observability(Transport.TAILSCALE),
            target(JAEGER_TARGET)
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(OTEL_COLLECTOR, JAEGER, OTEL_DEMO)
                .observability(Transport.TAILSCALE))
        .workflow(workflow(ComparisonWorkflows.tracingComparison()))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metrics())
        .compare(
            baseline(JAEGER_TARGET)
                .targets(TEMPO_TARGET)
                .metrics("backend_cpu", "backend_memory", "backend_memory_peak"))
        .repetitions(3)
        .qualityGate(qualityGate().minDataCoverage(0.8))
        // the original observed 1,200 s after its smoke test: that load after up to 10 minutes
        // for the workloads, within the template's hour
        .runningDeadline(Duration.ofHours(1))
        .totalDeadline(Duration.ofHours(2))
        .cleanupOnComplete(delete())
        .cleanupOnFailure(retain(Duration.ofHours(1)))
        // ./lab render estimates $1.04 at most (both clusters for the total deadline and the hour
        // kept after a failure)
        .budget(1.5)
        .build();
  }

  private static MetricDef[] metrics() {
    String all = ofTarget() + ",namespace=\"$NAMESPACE\"";
    String received = "{experiment=\"$EXPERIMENT\",cluster=\"$CLUSTER\"}[5m]))";
    return new MetricDef[] {
      cpu(
              "backend_cpu",
              pods(ofTarget(), BACKEND),
              "5m",
              "backend",
              "Backend CPU (tempo or" + " jaeger)")
          .lowerIsBetter()
          .perTarget(),
      memory("backend_memory", pods(ofTarget(), BACKEND), "backend", "Backend memory")
          .lowerIsBetter()
          .perTarget(),
      cpuPeak("backend_cpu_peak", pods(ofTarget(), BACKEND), "5m", "Backend peak CPU").perTarget(),
      memoryPeak("backend_memory_peak", pods(ofTarget(), BACKEND), "Backend peak memory")
          .lowerIsBetter()
          .perTarget(),
      cpu("collector_cpu", pods(ofTarget(), COLLECTOR), "5m", "collector", "OTel collector CPU")
          .perTarget(),
      memory("collector_memory", pods(ofTarget(), COLLECTOR), "collector", "OTel collector memory")
          .perTarget(),
      metric("spans_received")
          .promql(
              "sum(rate(tempo_distributor_spans_received_total"
                  + received
                  + " or sum(rate(jaeger_collector_spans_received_total"
                  + received)
          .range()
          .unit("spans/s")
          .group("ingest")
          .perTarget()
          // the backends' own metrics: empty where they are not scraped
          .onEmpty(EmptyResult.INSUFFICIENT)
          .describe("Spans a second the backend accepted (its own counter)"),
      cpuByPod("cpu_rate_by_pod", all, "5m").perTarget(),
      memoryByPod("memory_by_pod", all).perTarget(),
      cpu("cpu_total", all, "5m", "cluster", "Total workload CPU rate").perTarget(),
      memory("memory_total", all, "cluster", "Total workload memory").perTarget()
    };
  }
}
