package io.illm.lab.rules;

import io.illm.lab.model.Budget;
import io.illm.lab.model.Category;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules tests' inputs, as model objects: the validate tests' valid-experiment.yaml and
 * catalogue.yaml, written in Java. Every call gives fresh, mutable objects to break.
 */
final class Specs {

  /** The experiment's name. */
  static final String NAME = "tsdb-comparison";

  private Specs() {}

  /** Two targets (app on gke, loadgen on the hub after app), two metrics, a criterion. */
  static ExperimentSpec valid() {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTitle("Prometheus vs VictoriaMetrics");
    spec.setHypothesis(
        new Hypothesis(
            "VictoriaMetrics uses less memory",
            null,
            null,
            list(new SuccessCriterion("memory_total", ComparisonOperator.LT, 2e9, "app", null))));
    Target app =
        new Target(
            "app",
            new ClusterSpec(
                Provider.GKE, null, "us-central1-a", null, "e2-standard-4", null, null, null),
            list(
                new ComponentRef(
                    "kube-prometheus-stack",
                    null,
                    null,
                    new TreeMap<>(Map.of("grafana.enabled", "false"))),
                new ComponentRef("hello-app", null, null, null)),
            null,
            null);
    Target loadgen =
        new Target(
            "loadgen",
            new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null),
            list(new ComponentRef(null, "k6-load", null, null)),
            null,
            list("app"));
    spec.setTargets(list(app, loadgen));
    spec.setWorkflow(
        new WorkflowSpec(
            "tsdb-comparison-validation", new Completion(CompletionMode.WORKFLOW), null));
    spec.setMetrics(
        new MetricsSpec(
            list(query("memory_total", null), query("cpu_total", QueryType.RANGE)), null, null));
    spec.setDeadlines(new Deadlines(null, null, "2h", null, "4h"));
    spec.setCleanup(
        new CleanupPolicy(
            new CleanupRule(CleanupAction.RETAIN, "2h"),
            new CleanupRule(CleanupAction.DELETE, null)));
    spec.setBudget(new Budget(5.0));
    return spec;
  }

  /**
   * kube-prometheus-stack (Helm, a bool parameter), hello-app (Git, an int parameter), k6-load (a
   * workflow), metrics-agent (Helm with a values ref, a required parameter).
   */
  static KnownComponents catalogue() {
    Map<String, ComponentSpec> specs = new TreeMap<>();
    specs.put("kube-prometheus-stack", prometheus());
    specs.put(
        "hello-app",
        component(
            ComponentType.APP,
            git("components/apps/hello-app/k8s"),
            new ComponentParameter("replicas", ParameterType.INT, "2", null, null)));
    specs.put(
        "k6-load", component(ComponentType.WORKFLOW, git("components/testing/k6-load"), null));
    specs.put("metrics-agent", metricsAgent());
    return KnownComponents.of(specs);
  }

  static ComponentSpec prometheus() {
    return component(
        null,
        new ComponentSource(
            "https://prometheus-community.github.io/helm-charts",
            "79.9.0",
            null,
            "kube-prometheus-stack",
            null,
            new HelmSource(null, null, list(new HelmParameter("grafana.enabled", "true", null)))),
        new ComponentParameter("grafana.enabled", ParameterType.BOOL, "true", null, null));
  }

  static ComponentSpec metricsAgent() {
    ComponentSpec spec =
        component(
            null,
            new ComponentSource(
                "https://grafana.github.io/helm-charts",
                "0.12.0",
                null,
                "alloy",
                null,
                new HelmSource(
                    null,
                    list("$values/components/observability/metrics-agent/values.yaml"),
                    null)),
            new ComponentParameter("cluster", null, null, true, null));
    ComponentSource values =
        new ComponentSource(
            "https://github.com/illMadeCoder/k8s-ai-cloud-testbed.git",
            null,
            null,
            null,
            "values",
            null);
    spec.getSources().add(values);
    return spec;
  }

  static ComponentSpec hello() {
    return catalogue().spec("hello-app").orElseThrow();
  }

  @SafeVarargs
  static <T> List<T> list(T... items) {
    return new ArrayList<>(List.of(items));
  }

  private static MetricQuery query(String name, QueryType type) {
    return new MetricQuery(
        name,
        "sum(" + name + "{namespace=\"$NAMESPACE\"})",
        type,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static ComponentSource git(String path) {
    return new ComponentSource(
        "https://github.com/illMadeCoder/k8s-ai-cloud-testbed.git", null, path, null, null, null);
  }

  private static ComponentSpec component(
      ComponentType type, ComponentSource source, ComponentParameter parameter) {
    return new ComponentSpec(
        null,
        type == ComponentType.WORKFLOW ? Category.TESTING : Category.APPS,
        type,
        list(source),
        parameter == null ? null : list(parameter),
        null);
  }
}
