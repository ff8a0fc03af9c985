package io.illm.lab.dsl;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Better;
import io.illm.lab.model.Budget;
import io.illm.lab.model.Category;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.ObservabilitySpec;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.model.Transport;
import io.illm.lab.model.WorkflowSpec;
import java.util.List;
import java.util.Map;

/**
 * Model objects made by hand, as the importer would make them, covering every spec field the DSL
 * renders; strings carry what Java literals must escape.
 */
final class SampleModels {

  static final String AWKWARD =
      "quote \" backslash \\ \\u0041 newline \n tab \t cr \r bell \u0007 del \u007f é 🙂 */";

  private SampleModels() {}

  static Experiment everyExperimentField() {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTitle("All fields: " + AWKWARD);
    spec.setDescription("every field\nof the spec");
    spec.setTags(List.of("a", "b"));
    spec.setPublish(false);
    spec.setHypothesis(
        new Hypothesis(
            "claim",
            List.of("q1", "q2"),
            List.of("f1"),
            List.of(
                new SuccessCriterion("lat", ComparisonOperator.LT, 250.5, "app", "why"),
                new SuccessCriterion("lat", ComparisonOperator.LTE, -1.0, null, null),
                new SuccessCriterion("rate", ComparisonOperator.GT, 1e-7, null, null),
                new SuccessCriterion("rate", ComparisonOperator.GTE, 3.0e20, null, AWKWARD),
                new SuccessCriterion("lat", ComparisonOperator.LT, null, "db", null, "app", null),
                new SuccessCriterion(
                    "lat", ComparisonOperator.LTE, null, "cache", 0.8, "app", AWKWARD),
                new SuccessCriterion("lat", ComparisonOperator.GT, null, "app", 1.0, "db", null),
                new SuccessCriterion(
                    "lat", ComparisonOperator.GTE, null, "app", 1.25, "cache", null))));
    spec.setTargets(
        List.of(
            new Target(
                "app",
                new ClusterSpec(
                    Provider.EKS, true, null, "us-west-2", "m6i.xlarge", 3, 100, "1.30"),
                List.of(
                    new ComponentRef(
                        "stack", null, null, Map.of("b.c", "2", "a", "", "q", AWKWARD)),
                    new ComponentRef(null, "load", null, null),
                    new ComponentRef(null, null, "egress", Map.of("x", "y"))),
                new ObservabilitySpec(true, Transport.TAILSCALE),
                List.of("db", "cache")),
            new Target(
                "db",
                new ClusterSpec(Provider.AKS, null, null, null, null, null, null, null),
                null,
                new ObservabilitySpec(false, Transport.DIRECT),
                null),
            new Target(
                "cache",
                new ClusterSpec(
                    Provider.GKE, false, "europe-west1-b", null, "e2-standard-4", 1, 10, null),
                null,
                new ObservabilitySpec(true, null),
                null),
            new Target(
                "hub",
                new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null),
                null,
                new ObservabilitySpec(false, null),
                null)));
    spec.setWorkflow(
        new WorkflowSpec(
            "run", new Completion(CompletionMode.MANUAL), Map.of("rps", "100", "z", "")));
    spec.setMetrics(
        new MetricsSpec(
            List.of(
                new MetricQuery(
                    "lat",
                    "histogram_quantile(0.95, x{a=\"$EXPERIMENT\"})",
                    QueryType.RANGE,
                    "ms",
                    "p95",
                    "latency",
                    true,
                    EmptyResult.ZERO,
                    Better.LOWER),
                new MetricQuery(
                    "rate",
                    "sum(rate(x[5m]))",
                    QueryType.INSTANT,
                    "req/s",
                    null,
                    null,
                    false,
                    null,
                    Better.HIGHER),
                new MetricQuery("bare", "up", null, null, null, null, null, null)),
            EmptyResult.FAIL,
            5,
            List.of(
                new TargetComparison("app", null, null),
                new TargetComparison("db", List.of("app", "cache"), List.of("lat")))));
    spec.setQualityGate(new QualityGate(false, 2, 0.75, "1m30s"));
    spec.setDeadlines(new Deadlines("40m", "25m", "1h30m", "30s", "8h"));
    spec.setCleanup(
        new CleanupPolicy(
            new CleanupRule(CleanupAction.RETAIN, "2h"),
            new CleanupRule(CleanupAction.RETAIN, null)));
    spec.setBudget(new Budget(12.25));
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder()
            .withName("every-field")
            .withNamespace("experiments")
            .withLabels(Map.of("team", "perf", "tier", "one"))
            .withAnnotations(Map.of("note", AWKWARD))
            .build());
    experiment.setSpec(spec);
    return experiment;
  }

  static Experiment fewFields() {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setPublish(true);
    spec.setHypothesis(new Hypothesis("only a claim", null, null, null));
    spec.setTargets(
        List.of(
            new Target(
                "app",
                new ClusterSpec(Provider.GKE, null, null, null, null, null, null, null),
                List.of(new ComponentRef("hello-app", null, null, null)),
                null,
                null)));
    spec.setWorkflow(new WorkflowSpec("smoke", new Completion(CompletionMode.WORKFLOW), null));
    spec.setMetrics(new MetricsSpec(null, EmptyResult.INSUFFICIENT));
    spec.setQualityGate(new QualityGate());
    spec.setDeadlines(new Deadlines(null, null, null, null, "45s"));
    spec.setCleanup(new CleanupPolicy(null, new CleanupRule(CleanupAction.DELETE, null)));
    Experiment experiment = new Experiment();
    experiment.setMetadata(new ObjectMetaBuilder().withName("few").build());
    experiment.setSpec(spec);
    return experiment;
  }

  static Component everyComponentField() {
    ComponentSpec spec =
        new ComponentSpec(
            "A component: " + AWKWARD,
            Category.OBSERVABILITY,
            ComponentType.APP,
            List.of(
                new ComponentSource(
                    "https://charts.example.com",
                    "0.12.0",
                    null,
                    "alloy",
                    null,
                    new HelmSource(
                        "alloy",
                        List.of("$values/a.yaml", "b.yaml"),
                        List.of(
                            new HelmParameter("a", "1", null), new HelmParameter("b", "true", true),
                            new HelmParameter("c", "x", false),
                                new HelmParameter("d", AWKWARD, null)))),
                new ComponentSource(
                    "https://github.com/example/lab.git", "HEAD", null, null, "values", null),
                new ComponentSource(
                    "https://github.com/example/lab.git",
                    null,
                    "k8s",
                    null,
                    null,
                    new HelmSource()),
                new ComponentSource(
                    "https://github.com/example/charts.git",
                    "main",
                    "charts/x",
                    null,
                    "src",
                    new HelmSource(null, null, List.of(new HelmParameter("only", "one", null))))),
            List.of(
                new ComponentParameter("on", ParameterType.BOOL, "false", true, "switch"),
                new ComponentParameter("plain-bool", ParameterType.BOOL, "false", null, null),
                new ComponentParameter("n", ParameterType.INT, "3", false, null),
                new ComponentParameter("padded", ParameterType.INT, "007", null, null),
                new ComponentParameter("s", ParameterType.STRING, AWKWARD, null, null),
                new ComponentParameter("raw", null, "anything", null, null),
                new ComponentParameter("bare", null, null, null, null)),
            new ComponentObservability(
                true, false, Map.of("app", "agent", "b", "c"), "/stats", 9090));
    Component component = new Component();
    component.setMetadata(
        new ObjectMetaBuilder()
            .withName("agent")
            .withLabels(Map.of("tier", "obs"))
            .withAnnotations(Map.of("owner", "me"))
            .build());
    component.setSpec(spec);
    return component;
  }

  static Component fewComponentFields() {
    ComponentSpec spec =
        new ComponentSpec(
            null,
            Category.WORKFLOWS,
            ComponentType.WORKFLOW,
            List.of(
                new ComponentSource(
                    "git@github.com:example/lab.git", null, null, null, null, null)),
            null,
            new ComponentObservability());
    Component component = new Component();
    component.setMetadata(new ObjectMetaBuilder().withName("load").build());
    component.setSpec(spec);
    return component;
  }
}
