package io.illm.lab.bench;

import static io.illm.lab.dsl.Lab.component;
import static io.illm.lab.dsl.Lab.expect;
import static io.illm.lab.dsl.Lab.gke;
import static io.illm.lab.dsl.Lab.hypothesis;
import static io.illm.lab.dsl.Lab.metric;
import static io.illm.lab.dsl.Lab.target;
import static io.illm.lab.dsl.Lab.workflow;

import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.dsl.GkeMachine;
import io.illm.lab.dsl.Lab;
import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.model.Category;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthesis workload written with the DSL, as a user writes experiments: experiment {@code i}
 * exactly as {@code synth-workload.md} describes it (2 targets, 4 components, 5 metrics, 2 success
 * criteria), built (and so checked) by {@code build()}.
 */
public final class SynthWorkload {

  /** The namespace every workload experiment lives in. */
  public static final String NAMESPACE = "experiments";

  private static final String CHARTS = "https://charts.example.org/bench";

  /** The four components the workload deploys, as values; Helm charts, so they take params. */
  static final ComponentDef SOCK_SHOP =
      component("sock-shop", Category.APPS).helm(CHARTS, "sock-shop", "1.0.0");

  static final ComponentDef PROMETHEUS =
      component("prometheus", Category.OBSERVABILITY).helm(CHARTS, "prometheus", "1.0.0");
  static final ComponentDef OTEL_COLLECTOR =
      component("otel-collector", Category.OBSERVABILITY).helm(CHARTS, "otel-collector", "1.0.0");
  static final ComponentDef LOCUST =
      component("locust", Category.TESTING).helm(CHARTS, "locust", "1.0.0");

  private SynthWorkload() {}

  /** The components the experiments deploy, built. */
  public static List<Component> components() {
    return List.of(SOCK_SHOP.build(), PROMETHEUS.build(), OTEL_COLLECTOR.build(), LOCUST.build());
  }

  /** Experiments 1 to {@code n}, in order. */
  public static List<Experiment> experiments(int n) {
    List<Experiment> experiments = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      experiments.add(experiment(i));
    }
    return experiments;
  }

  /** Experiment number {@code i} (from 1). */
  public static Experiment experiment(int i) {
    WorkloadValues v = new WorkloadValues(i);
    String rps = Integer.toString(v.rps());
    // Lab.experiment spelt out: this class's own experiment(int) hides the static import.
    return Lab.experiment(v.name())
        .namespace(NAMESPACE)
        .label("experiments.illm.io/suite", "bench")
        .label("experiments.illm.io/index", Integer.toString(i))
        .title("Experiment " + i + ": latency under load")
        .describe("Deterministic benchmark experiment number " + i + ".")
        .tag("bench", "latency", v.groupTag())
        .target(
            target("app")
                .on(gke(GkeMachine.E2_STANDARD_4).zone(v.zone()).nodes(3).spot())
                .deploy(
                    SOCK_SHOP.with("replicas", v.replicas()).with("namespace", "sock-shop"),
                    PROMETHEUS.with("retention", "6h").with("scrapeInterval", "15s"),
                    OTEL_COLLECTOR.with("samplingRatio", "0.1").with("exporter", "otlp")))
        .target(
            target("loadgen")
                .on(gke(GkeMachine.E2_STANDARD_2).zone(v.zone()).nodes(1).spot(false))
                .deploy(LOCUST.with("users", rps).with("spawnRate", "10"))
                .depends("app"))
        .workflow(workflow("load-test").param("duration", "10m").param("rps", rps))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metrics(v.selector()))
        .hypothesis(
            hypothesis("p95 latency stays below " + v.p95() + " ms at " + rps + " rps")
                .criterion(expect("p95_latency").below(v.p95()), expect("error_rate").atMost(0.01)))
        .build();
  }

  private static MetricDef[] metrics(String sel) {
    return new MetricDef[] {
      metric("p95_latency")
          .promql(
              "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{"
                  + sel
                  + "}[1m])) by (le)) * 1000")
          .range()
          .unit(Unit.MILLISECONDS)
          .describe("95th percentile request latency")
          .group("latency"),
      metric("p99_latency")
          .promql(
              "histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{"
                  + sel
                  + "}[1m])) by (le)) * 1000")
          .range()
          .unit(Unit.MILLISECONDS)
          .describe("99th percentile request latency")
          .group("latency"),
      metric("error_rate")
          .promql(
              "sum(rate(http_requests_total{"
                  + sel
                  + ",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{"
                  + sel
                  + "}[1m]))")
          .range()
          .unit("ratio")
          .describe("Share of 5xx responses")
          .group("errors"),
      metric("throughput")
          .promql("sum(rate(http_requests_total{" + sel + "}[1m]))")
          .range()
          .unit(Unit.REQUESTS_PER_SECOND)
          .describe("Requests per second")
          .group("throughput"),
      metric("node_cost")
          .promql("sum(node_cost_hourly{" + sel + "})")
          .instant()
          .unit("USD/h")
          .describe("Hourly cost of all nodes")
          .group("cost"),
    };
  }
}
