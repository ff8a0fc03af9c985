package io.illm.lab.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline of the benchmark: the same N documents as plain maps and lists, written by a default
 * {@link YAMLMapper} to {@code <out>/exp-NNNNN.k8s.yaml}. No model classes, no validation, no
 * settings of ours; it runs on a classpath of Jackson and SnakeYAML only.
 *
 * <p>Usage: {@code JacksonBaselineMain N [output-dir]} (N may also come from {@code
 * EXPERIMENTS_N}).
 */
public final class JacksonBaselineMain {

  private JacksonBaselineMain() {}

  public static void main(String[] args) throws IOException {
    RunArguments arguments = RunArguments.parse(args, "JacksonBaselineMain", "baseline-out");
    YAMLMapper mapper = new YAMLMapper();
    Files.createDirectories(arguments.out());
    for (int i = 1; i <= arguments.count(); i++) {
      WorkloadValues v = new WorkloadValues(i);
      mapper.writeValue(arguments.out().resolve(v.name() + ".k8s.yaml").toFile(), document(v));
    }
    ExitReport.printIfAsked();
  }

  static Map<String, Object> document(WorkloadValues v) {
    Map<String, Object> doc = map();
    doc.put("apiVersion", "experiments.illm.io/v1alpha1");
    doc.put("kind", "Experiment");
    Map<String, Object> metadata = map();
    metadata.put("name", v.name());
    metadata.put("namespace", "experiments");
    Map<String, Object> labels = map();
    labels.put("experiments.illm.io/suite", "bench");
    labels.put("experiments.illm.io/index", Integer.toString(v.index()));
    metadata.put("labels", labels);
    doc.put("metadata", metadata);
    doc.put("spec", spec(v));
    return doc;
  }

  private static Map<String, Object> spec(WorkloadValues v) {
    Map<String, Object> spec = map();
    spec.put("title", "Experiment " + v.index() + ": latency under load");
    spec.put("description", "Deterministic benchmark experiment number " + v.index() + ".");
    spec.put("tags", List.of("bench", "latency", v.groupTag()));
    Map<String, Object> app = target("app", v.zone(), "e2-standard-4", 3, true);
    app.put(
        "components",
        List.of(
            component("sock-shop", "replicas", v.replicas(), "namespace", "sock-shop"),
            component("prometheus", "retention", "6h", "scrapeInterval", "15s"),
            component("otel-collector", "samplingRatio", "0.1", "exporter", "otlp")));
    Map<String, Object> loadgen = target("loadgen", v.zone(), "e2-standard-2", 1, false);
    loadgen.put(
        "components",
        List.of(component("locust", "users", Integer.toString(v.rps()), "spawnRate", "10")));
    loadgen.put("depends", List.of("app"));
    spec.put("targets", List.of(app, loadgen));
    Map<String, Object> workflow = map();
    workflow.put("template", "load-test");
    workflow.put("completion", Map.of("mode", "workflow"));
    Map<String, Object> params = map();
    params.put("duration", "10m");
    params.put("rps", Integer.toString(v.rps()));
    workflow.put("params", params);
    spec.put("workflow", workflow);
    spec.put("metrics", Map.of("queries", queries(v.selector())));
    spec.put("hypothesis", hypothesis(v));
    return spec;
  }

  private static Map<String, Object> target(
      String name, String zone, String machineType, int nodes, boolean preemptible) {
    Map<String, Object> cluster = map();
    cluster.put("provider", "gke");
    cluster.put("zone", zone);
    cluster.put("machineType", machineType);
    cluster.put("nodeCount", nodes);
    cluster.put("preemptible", preemptible);
    Map<String, Object> target = map();
    target.put("name", name);
    target.put("cluster", cluster);
    return target;
  }

  private static Map<String, Object> component(
      String app, String k1, String v1, String k2, String v2) {
    Map<String, Object> params = map();
    params.put(k1, v1);
    params.put(k2, v2);
    Map<String, Object> component = map();
    component.put("app", app);
    component.put("params", params);
    return component;
  }

  private static List<Object> queries(String sel) {
    List<Object> queries = new ArrayList<>(5);
    queries.add(
        query(
            "p95_latency",
            "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{"
                + sel
                + "}[1m])) by (le)) * 1000",
            "range",
            "ms",
            "95th percentile request latency",
            "latency"));
    queries.add(
        query(
            "p99_latency",
            "histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{"
                + sel
                + "}[1m])) by (le)) * 1000",
            "range",
            "ms",
            "99th percentile request latency",
            "latency"));
    queries.add(
        query(
            "error_rate",
            "sum(rate(http_requests_total{"
                + sel
                + ",code=~\"5..\"}[1m])) / sum(rate(http_requests_total{"
                + sel
                + "}[1m]))",
            "range",
            "ratio",
            "Share of 5xx responses",
            "errors"));
    queries.add(
        query(
            "throughput",
            "sum(rate(http_requests_total{" + sel + "}[1m]))",
            "range",
            "req/s",
            "Requests per second",
            "throughput"));
    queries.add(
        query(
            "node_cost",
            "sum(node_cost_hourly{" + sel + "})",
            "instant",
            "USD/h",
            "Hourly cost of all nodes",
            "cost"));
    return queries;
  }

  private static Map<String, Object> query(
      String name, String query, String type, String unit, String description, String group) {
    Map<String, Object> q = map();
    q.put("name", name);
    q.put("query", query);
    q.put("type", type);
    q.put("unit", unit);
    q.put("description", description);
    q.put("group", group);
    return q;
  }

  private static Map<String, Object> hypothesis(WorkloadValues v) {
    Map<String, Object> p95 = map();
    p95.put("metric", "p95_latency");
    p95.put("operator", "lt");
    p95.put("value", v.p95());
    Map<String, Object> errors = map();
    errors.put("metric", "error_rate");
    errors.put("operator", "lte");
    errors.put("value", 0.01);
    Map<String, Object> hypothesis = map();
    hypothesis.put("claim", "p95 latency stays below " + v.p95() + " ms at " + v.rps() + " rps");
    hypothesis.put("successCriteria", List.of(p95, errors));
    return hypothesis;
  }

  private static Map<String, Object> map() {
    return new LinkedHashMap<>();
  }
}
