package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.*;
import static io.illm.lab.examples.components.Apps.NGINX;
import static io.illm.lab.examples.components.Apps.NGINX_REPLICAS;
import static io.illm.lab.examples.components.Core.ENVOY_GATEWAY;
import static io.illm.lab.examples.components.Core.KONG;
import static io.illm.lab.examples.components.Core.NGINX_INGRESS;
import static io.illm.lab.examples.components.Core.TRAEFIK;
import static io.illm.lab.examples.experiments.PodMetrics.cpu;
import static io.illm.lab.examples.experiments.PodMetrics.cpuByPod;
import static io.illm.lab.examples.experiments.PodMetrics.cpuPeak;
import static io.illm.lab.examples.experiments.PodMetrics.memory;
import static io.illm.lab.examples.experiments.PodMetrics.memoryByPod;
import static io.illm.lab.examples.experiments.PodMetrics.memoryPeak;
import static io.illm.lab.examples.experiments.PodMetrics.memoryQuery;
import static io.illm.lab.examples.experiments.PodMetrics.ofExperiment;

import io.illm.lab.dsl.Criterion;
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
 * NGINX Ingress, Traefik, Envoy Gateway and Kong on one cluster in front of the same nginx (two
 * replicas), loaded at once by k6 from a second cluster, the load generator's, for 20 minutes in
 * three repetition windows.
 *
 * <p>The four gateways share the target {@code app}, and a comparative criterion (ADR-038) compares
 * targets, so the hypothesis' comparison is written as ratios of two gateways measured in the same
 * window ({@code envoy_to_nginx_p99_ratio}, {@code envoy_to_nginx_memory_ratio}), judged against 1.
 * Latency and errors come from each gateway's own request metrics; a gateway whose metrics are not
 * scraped leaves them empty, which makes its criteria missing (the verdict insufficient), never a
 * pass.
 */
public final class GatewayComparison {

  /** The gateways' cluster; the load generator's is {@link ComparisonWorkflows#LOADGEN}. */
  public static final String APP = "app";

  /**
   * A gateway as its metrics see it.
   *
   * @param key the metrics' prefix
   * @param name for descriptions
   * @param pods its pods, the matchers after the experiment's selector
   * @param buckets its request-duration histogram's buckets
   * @param perSecond what divides the histogram's unit into seconds (1 for seconds, 1000 for ms)
   * @param requests its request counter
   * @param errors the same counter, 5xx answers only
   */
  record Gateway(
      String key,
      String name,
      String pods,
      String buckets,
      int perSecond,
      String requests,
      String errors) {

    /** The prefix of its CPU and memory series: Envoy's counts controller and proxy together. */
    String resources() {
      return key.equals("envoy") ? "envoy_total" : key;
    }
  }

  private static final String E = ofExperiment();

  /** Envoy Gateway's controller: the Deployment envoy-gateway's pods, nothing longer. */
  private static final String ENVOY_CONTROLLER = "pod=~\"envoy-gateway-[^-]+-[^-]+\"";

  /**
   * Envoy's proxies: envoy-<namespace>-<gateway>-<hash>-..., every envoy-* pod but the controller's
   * (whose name the proxies' share when the experiment's name starts with gateway-).
   */
  private static final String ENVOY_PROXY = "pod=~\"envoy-.+\",pod!~\"envoy-gateway-[^-]+-[^-]+\"";

  /** The stat prefixes of Envoy Gateway's own listeners (readiness, stats), left out. */
  private static final String ENVOY_TRAFFIC = "envoy_http_conn_manager_prefix!~\"eg-.*\"";

  static final List<Gateway> GATEWAYS =
      List.of(
          new Gateway(
              "nginx",
              "NGINX Ingress",
              "pod=~\"ingress-nginx-controller-.*\"",
              "nginx_ingress_controller_request_duration_seconds_bucket{"
                  + E
                  + ",ingress=\"lab-nginx\"}",
              1,
              "nginx_ingress_controller_requests{" + E + ",ingress=\"lab-nginx\"}",
              "nginx_ingress_controller_requests{" + E + ",ingress=\"lab-nginx\",status=~\"5..\"}"),
          new Gateway(
              "traefik",
              "Traefik",
              "pod=~\"traefik-.*\"",
              "traefik_entrypoint_request_duration_seconds_bucket{" + E + ",entrypoint=\"web\"}",
              1,
              "traefik_entrypoint_requests_total{" + E + ",entrypoint=\"web\"}",
              "traefik_entrypoint_requests_total{" + E + ",entrypoint=\"web\",code=~\"5..\"}"),
          new Gateway(
              "envoy",
              "Envoy Gateway (controller and proxy)",
              "pod=~\"envoy-.+\"",
              "envoy_http_downstream_rq_time_bucket{" + E + "," + ENVOY_TRAFFIC + "}",
              1000,
              "envoy_http_downstream_rq_total{" + E + "," + ENVOY_TRAFFIC + "}",
              "envoy_http_downstream_rq_xx{"
                  + E
                  + ","
                  + ENVOY_TRAFFIC
                  + ",envoy_response_code_class=\"5\"}"),
          new Gateway(
              "kong",
              "Kong",
              "pod=~\"kong-kong-.*\"",
              "kong_request_latency_ms_bucket{" + E + "}",
              1000,
              "kong_http_requests_total{" + E + "}",
              "kong_http_requests_total{" + E + ",code=~\"5..\"}"));

  /** The latency percentiles reported for each gateway. */
  static final double[] PERCENTILES = {0.5, 0.9, 0.99};

  /** A gateway's p99 must stay below this under the load (s): 100 requests/s of a static page. */
  static final double P99_LIMIT_SECONDS = 0.25;

  /** A gateway's share of 5xx answers must stay below this (%). */
  static final double ERROR_LIMIT_PERCENT = 1;

  /** The unit of a ratio of two gateways' values: "0.8 x". */
  static final String TIMES = "x";

  private static final double MIB = 1024 * 1024;

  /**
   * ./lab render's estimate is $0.98 at most (two spot clusters, $0.33/h, for the total deadline
   * and the hour kept after a failure); the budget leaves it half again.
   */
  private static final double BUDGET = 1.5;

  private GatewayComparison() {}

  /** The experiment, built and checked. */
  @LabExperiment
  public static Experiment build() {
    return experiment("gateway-comparison")
        .title("API Gateway Shootout: NGINX vs Traefik vs Envoy vs Kong")
        .describe(
            "NGINX Ingress vs Traefik vs Envoy Gateway vs Kong in front of the same nginx, loaded"
                + " at once from a separate cluster: per-gateway resources, latency percentiles"
                + " and error rates")
        .tag("comparison", "networking", "gateway")
        .publish()
        .hypothesis(
            hypothesis(
                    "Under load, Envoy Gateway's two-process architecture (separate control plane +"
                        + " Envoy data-plane proxy) will consume more total resources than NGINX"
                        + " Ingress's single-process model, but deliver lower tail latency because"
                        + " Envoy's event-driven C++ proxy handles concurrent connections more"
                        + " efficiently than NGINX's worker-process model")
                .question(
                    "What is the idle CPU/memory footprint of each gateway controller and data"
                        + " plane?")
                .question(
                    "How do per-gateway resource profiles change from idle to loaded (50"
                        + " concurrent users)?")
                .question(
                    "What are the p50/p90/p99 latency distributions per gateway under sustained"
                        + " load?")
                .question(
                    "Which gateway achieves the highest throughput ceiling before error rates"
                        + " increase?")
                .question(
                    "How does Envoy Gateway's data-plane proxy (envoy-default-*) contribute to"
                        + " total resource usage?")
                .question(
                    "How does Kong (DB-less, driven by its ingress controller) compare with the"
                        + " other three under the same load?")
                .focus("resource efficiency under load")
                .focus("latency percentiles (p50/p90/p99)")
                .focus("throughput and error rates")
                .focus("idle-vs-loaded resource delta")
                .criterion(
                    expect("envoy_to_nginx_p99_ratio")
                        .below(1)
                        .describe(
                            "the claim's latency half: Envoy's p99 below NGINX's in the same"
                                + " window"))
                .criterion(
                    expect("envoy_to_nginx_memory_ratio")
                        .above(1)
                        .describe(
                            "the claim's resource half: Envoy Gateway's peak memory (controller"
                                + " and proxy) above NGINX Ingress's"))
                .criterion(limits())
                .criterion(
                    expect("nginx_memory_peak")
                        .below(256 * MIB)
                        .describe("the controller's memory limit: above it is an OOM kill"),
                    expect("traefik_memory_peak")
                        .below(256 * MIB)
                        .describe("Traefik's memory limit: above it is an OOM kill")))
        .target(
            target(APP)
                .on(gke(GkeMachine.E2_STANDARD_4).spot())
                .deploy(
                    NGINX_INGRESS,
                    // the chart's buckets (0.1, 0.3, 1.2, 5 s) cannot place a p99 of milliseconds
                    TRAEFIK.with(
                        "metrics.prometheus.buckets", "0.005,0.01,0.025,0.05,0.1,0.25,0.5,1,2.5,5"),
                    ENVOY_GATEWAY,
                    KONG,
                    NGINX.with(NGINX_REPLICAS, 2))
                .observability(Transport.TAILSCALE),
            // k6 runs here, from the template; nothing is deployed: the original's
            // k6-gateway-loadtest (three gateways, a kubeconfig Secret the lab does not make) is
            // the template's typed HttpLoad against all four now
            target(ComparisonWorkflows.LOADGEN)
                .on(gke(GkeMachine.E2_STANDARD_2).spot())
                .depends(APP))
        .workflow(workflow(ComparisonWorkflows.gatewayComparison()))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metrics())
        .repetitions(3)
        // the latency, error and ratio metrics may be empty (a gateway's metrics not scraped)
        .qualityGate(qualityGate().minDataCoverage(0.6))
        // the original observed 10 + 20 + 10 minutes; the run is its 20 loaded minutes after up to
        // 10 minutes for the workloads and 10 for Envoy's proxy: at most the template's hour
        .runningDeadline(Duration.ofHours(1))
        .totalDeadline(Duration.ofHours(2))
        .cleanupOnComplete(delete())
        .cleanupOnFailure(retain(Duration.ofHours(1)))
        .budget(BUDGET)
        .build();
  }

  /** Every metric: resources, drill-down, peaks, totals, latency, errors and the two ratios. */
  static MetricDef[] metrics() {
    List<MetricDef> metrics = new ArrayList<>();
    for (Gateway g : GATEWAYS) {
      metrics.add(
          cpu(g.resources() + "_cpu_rate", of(g.pods()), "5m", "cpu", g.name() + " CPU rate"));
    }
    metrics.add(
        cpu(
            "envoy_controller_cpu_rate",
            of(ENVOY_CONTROLLER),
            "5m",
            "cpu",
            "Envoy Gateway control plane CPU rate"));
    metrics.add(
        cpu(
            "envoy_dataplane_cpu_rate",
            of(ENVOY_PROXY),
            "5m",
            "cpu",
            "Envoy Gateway data-plane proxy CPU rate"));
    for (Gateway g : GATEWAYS) {
      metrics.add(memory(g.resources() + "_memory", of(g.pods()), "memory", g.name() + " memory"));
    }
    metrics.add(
        memory(
            "envoy_controller_memory",
            of(ENVOY_CONTROLLER),
            "memory",
            "Envoy Gateway control plane memory"));
    metrics.add(
        memory(
            "envoy_dataplane_memory",
            of(ENVOY_PROXY),
            "memory",
            "Envoy Gateway data-plane proxy memory"));
    metrics.add(cpuByPod("cpu_rate_by_pod", namespace(), "5m"));
    metrics.add(memoryByPod("memory_by_pod", namespace()));
    for (Gateway g : GATEWAYS) {
      metrics.add(cpuPeak(g.key() + "_cpu_peak", of(g.pods()), "5m", g.name() + " peak CPU"));
    }
    for (Gateway g : GATEWAYS) {
      metrics.add(memoryPeak(g.key() + "_memory_peak", of(g.pods()), g.name() + " peak memory"));
    }
    metrics.add(cpu("cpu_total", namespace(), "5m", "cluster", "Total workload CPU rate"));
    metrics.add(memory("memory_total", namespace(), "cluster", "Total workload memory"));
    for (Gateway g : GATEWAYS) {
      for (double q : PERCENTILES) {
        metrics.add(
            metric(g.key() + "_p" + percent(q) + "_latency")
                .promql(quantile(g, q))
                .unit(Unit.SECONDS)
                .group("latency")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe(
                    g.name()
                        + " p"
                        + percent(q)
                        + " request latency (its own histogram), over the window"));
      }
    }
    for (Gateway g : GATEWAYS) {
      metrics.add(
          metric(g.key() + "_error_ratio")
              .promql(
                  "100 * (sum(increase("
                      + g.errors()
                      + "[$DURATION])) or vector(0)) / sum(increase("
                      + g.requests()
                      + "[$DURATION]))")
              .unit(Unit.PERCENT)
              .group("errors")
              .onEmpty(EmptyResult.INSUFFICIENT)
              .describe(g.name() + " share of 5xx answers over the window"));
    }
    metrics.addAll(
        List.of(
            metric("envoy_to_nginx_p99_ratio")
                .promql(
                    "("
                        + quantile(GATEWAYS.get(2), 0.99)
                        + ") / ("
                        + quantile(GATEWAYS.get(0), 0.99)
                        + ")")
                .unit(TIMES)
                .group("hypothesis")
                .onEmpty(EmptyResult.INSUFFICIENT)
                .describe("Envoy Gateway's p99 latency over NGINX Ingress's, in the same window"),
            metric("envoy_to_nginx_memory_ratio")
                .promql(
                    "max_over_time("
                        + memoryQuery(of(GATEWAYS.get(2).pods()))
                        + "[$DURATION:1m]) / max_over_time("
                        + memoryQuery(of(GATEWAYS.get(0).pods()))
                        + "[$DURATION:1m])")
                .unit(TIMES)
                .group("hypothesis")
                .describe(
                    "Envoy Gateway's peak memory (controller and proxy) over NGINX Ingress's, in the"
                        + " same window")));
    return metrics.toArray(MetricDef[]::new);
  }

  /** Each gateway's p99 and error ratio under the limits. */
  private static Criterion[] limits() {
    List<Criterion> limits = new ArrayList<>();
    for (Gateway g : GATEWAYS) {
      limits.add(
          expect(g.key() + "_p99_latency")
              .below(P99_LIMIT_SECONDS)
              .describe(
                  "a gateway in front of a static page answers 100 requests/s within 250 ms"));
    }
    for (Gateway g : GATEWAYS) {
      limits.add(
          expect(g.key() + "_error_ratio")
              .below(ERROR_LIMIT_PERCENT)
              .describe("at most 1% of answers are 5xx at this load"));
    }
    return limits.toArray(Criterion[]::new);
  }

  /** The quantile q of a gateway's request latency in seconds over the window. */
  static String quantile(Gateway g, double q) {
    String quantile =
        "histogram_quantile(" + q + ", sum by (le) (rate(" + g.buckets() + "[$DURATION])))";
    return g.perSecond() == 1 ? quantile : quantile + " / " + g.perSecond();
  }

  private static String percent(double q) {
    return Integer.toString((int) Math.round(q * 100));
  }

  private static String of(String pods) {
    return E + "," + pods;
  }

  /** Every container of the experiment's namespace on the app's cluster. */
  private static String namespace() {
    return E + ",namespace=\"$NAMESPACE\"";
  }
}
