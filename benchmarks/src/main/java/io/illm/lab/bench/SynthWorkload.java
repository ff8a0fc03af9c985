package io.illm.lab.bench;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ClusterSpecBuilder;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentRefBuilder;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentBuilder;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.HypothesisBuilder;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricQueryBuilder;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.MetricsSpecBuilder;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.SuccessCriterionBuilder;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetBuilder;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.model.WorkflowSpecBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The synthesis workload as model objects: experiment {@code i} exactly as {@code
 * synth-workload.md} describes it (2 targets, 4 components, 5 metrics, 2 success criteria).
 */
public final class SynthWorkload {

  /** The namespace every workload experiment lives in. */
  public static final String NAMESPACE = "experiments";

  private SynthWorkload() {}

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
    return new ExperimentBuilder()
        .withNewMetadata()
            .withName(v.name())
            .withNamespace(NAMESPACE)
            .addToLabels("experiments.illm.io/suite", "bench")
            .addToLabels("experiments.illm.io/index", Integer.toString(i))
        .endMetadata()
        .withNewSpec()
            .withTitle("Experiment " + i + ": latency under load")
            .withDescription("Deterministic benchmark experiment number " + i + ".")
            .withTags("bench", "latency", v.groupTag())
            .withTargets(appTarget(v), loadgenTarget(v))
            .withWorkflow(workflow(v))
            .withMetrics(metrics(v))
            .withHypothesis(hypothesis(v))
        .endSpec()
        .build();
  }

  private static Target appTarget(WorkloadValues v) {
    return new TargetBuilder()
        .withName("app")
        .withCluster(gke(v.zone(), "e2-standard-4", 3, true))
        .withComponents(
            app("sock-shop", "replicas", v.replicas(), "namespace", "sock-shop"),
            app("prometheus", "retention", "6h", "scrapeInterval", "15s"),
            app("otel-collector", "samplingRatio", "0.1", "exporter", "otlp"))
        .build();
  }

  private static Target loadgenTarget(WorkloadValues v) {
    return new TargetBuilder()
        .withName("loadgen")
        .withCluster(gke(v.zone(), "e2-standard-2", 1, false))
        .withComponents(app("locust", "users", Integer.toString(v.rps()), "spawnRate", "10"))
        .withDepends("app")
        .build();
  }

  private static ClusterSpec gke(String zone, String machineType, int nodes, boolean preemptible) {
    return new ClusterSpecBuilder()
        .withProvider(Provider.GKE)
        .withZone(zone)
        .withMachineType(machineType)
        .withNodeCount(nodes)
        .withPreemptible(preemptible)
        .build();
  }

  private static ComponentRef app(String name, String k1, String v1, String k2, String v2) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(k1, v1);
    params.put(k2, v2);
    return new ComponentRefBuilder().withApp(name).withParams(params).build();
  }

  private static WorkflowSpec workflow(WorkloadValues v) {
    return new WorkflowSpecBuilder()
        .withTemplate("load-test")
        .withCompletion(new Completion(CompletionMode.WORKFLOW))
        .addToParams("duration", "10m")
        .addToParams("rps", Integer.toString(v.rps()))
        .build();
  }

  private static MetricsSpec metrics(WorkloadValues v) {
    String sel = v.selector();
    return new MetricsSpecBuilder()
        .withQueries(
            metric("p95_latency",
                "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{" + sel
                    + "}[1m])) by (le)) * 1000",
                QueryType.RANGE, "ms", "95th percentile request latency", "latency"),
            metric("p99_latency",
                "histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{" + sel
                    + "}[1m])) by (le)) * 1000",
                QueryType.RANGE, "ms", "99th percentile request latency", "latency"),
            metric("error_rate",
                "sum(rate(http_requests_total{" + sel + ",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{"
                    + sel + "}[1m]))",
                QueryType.RANGE, "ratio", "Share of 5xx responses", "errors"),
            metric("throughput", "sum(rate(http_requests_total{" + sel + "}[1m]))",
                QueryType.RANGE, "req/s", "Requests per second", "throughput"),
            metric("node_cost", "sum(node_cost_hourly{" + sel + "})",
                QueryType.INSTANT, "USD/h", "Hourly cost of all nodes", "cost"))
        .build();
  }

  private static MetricQuery metric(
      String name, String query, QueryType type, String unit, String description, String group) {
    return new MetricQueryBuilder()
        .withName(name)
        .withQuery(query)
        .withType(type)
        .withUnit(unit)
        .withDescription(description)
        .withGroup(group)
        .build();
  }

  private static Hypothesis hypothesis(WorkloadValues v) {
    return new HypothesisBuilder()
        .withClaim("p95 latency stays below " + v.p95() + " ms at " + v.rps() + " rps")
        .addToSuccessCriteria(
            criterion("p95_latency", ComparisonOperator.LT, v.p95()),
            criterion("error_rate", ComparisonOperator.LTE, 0.01))
        .build();
  }

  private static SuccessCriterion criterion(String metric, ComparisonOperator operator, double value) {
    return new SuccessCriterionBuilder().withMetric(metric).withOperator(operator).withValue(value).build();
  }
}
