package io.illm.lab.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.illm.lab.model.ComponentBuilder;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentBuilder;
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
import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.rules.KnownComponents;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sdk's test fixtures in one place, for its own tests and (through the test-jar) the modules
 * above it: experiments and components built with the model's builders, specs for the rules, and
 * the YAML corpus of the validate tests.
 */
public final class Testing {

  private Testing() {}

  // Small fixtures built with the model's builders (the DSL is tested on its own).

  public static Experiment minimalExperiment() {
    return new ExperimentBuilder()
        .withNewMetadata()
        .withName("minimal")
        .withNamespace("experiments")
        .endMetadata()
        .withNewSpec()
        .addNewTarget()
        .withName("app")
        .withNewCluster()
        .withProvider(Provider.HUB)
        .endCluster()
        .addNewComponent()
        .withApp("hello-app")
        .endComponent()
        .endTarget()
        .withNewWorkflow()
        .withTemplate("hello-app-validation")
        .withNewCompletion()
        .withMode(CompletionMode.WORKFLOW)
        .endCompletion()
        .endWorkflow()
        .endSpec()
        .build();
  }

  public static Experiment twoTargetExperiment() {
    return new ExperimentBuilder()
        .withNewMetadata()
        .withName("two-targets")
        .withNamespace("experiments")
        .addToLabels("team", "observability")
        .addToLabels("experiments.illm.io/suite", "sample")
        .endMetadata()
        .withNewSpec()
        .withTitle("Two targets: an app and its load")
        .withDescription("A sample with every kind of field set once.")
        .withTags("comparison", "sample")
        .withNewHypothesis()
        .withClaim("p95 latency stays below 250 ms at 110 rps")
        .addNewSuccessCriterium()
        .withMetric("p95_latency")
        .withOperator(ComparisonOperator.LT)
        .withValue(250.0)
        .endSuccessCriterium()
        .addNewSuccessCriterium()
        .withMetric("error_rate")
        .withOperator(ComparisonOperator.LTE)
        .withValue(0.01)
        .endSuccessCriterium()
        .endHypothesis()
        .addNewTarget()
        .withName("app")
        .withNewCluster()
        .withProvider(Provider.GKE)
        .withZone("us-central1-a")
        .withMachineType("e2-standard-4")
        .withNodeCount(3)
        .withPreemptible(true)
        .endCluster()
        .addNewComponent()
        .withApp("hello-app")
        .withParams(new TreeMap<>(Map.of("replicas", "2", "empty", "", "enabled", "true")))
        .endComponent()
        .endTarget()
        .addNewTarget()
        .withName("loadgen")
        .withNewCluster()
        .withProvider(Provider.GKE)
        .withZone("us-central1-a")
        .withMachineType("e2-standard-2")
        .withNodeCount(1)
        .withPreemptible(false)
        .endCluster()
        .addNewComponent()
        .withApp("locust")
        .endComponent()
        .withDepends("app")
        .endTarget()
        .withNewWorkflow()
        .withTemplate("load-test")
        .withNewCompletion()
        .withMode(CompletionMode.WORKFLOW)
        .endCompletion()
        .withParams(new TreeMap<>(Map.of("rps", "110", "duration", "10m")))
        .endWorkflow()
        .withNewMetrics()
        .addNewQuery()
        .withName("p95_latency")
        .withQuery(
            "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{experiment=\"$EXPERIMENT\"}[1m])) by (le)) * 1000")
        .withType(QueryType.RANGE)
        .withUnit("ms")
        .withGroup("latency")
        .endQuery()
        .addNewQuery()
        .withName("error_rate")
        .withQuery(
            "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))")
        .withUnit("ratio")
        .endQuery()
        .endMetrics()
        .withNewDeadlines()
        .withProvisioning("30m")
        .withTotal("2h")
        .endDeadlines()
        .withNewBudget()
        .withMaxUSD(5.0)
        .endBudget()
        .endSpec()
        .build();
  }

  public static Component helloAppComponent() {
    return new ComponentBuilder()
        .withNewMetadata()
        .withName("hello-app")
        .endMetadata()
        .withNewSpec()
        .withDescription("Hello world HTTP app")
        .withCategory(Category.APPS)
        .addNewSource()
        .withRepoURL("https://github.com/example/lab.git")
        .withTargetRevision("HEAD")
        .withPath("components/apps/hello-app/k8s")
        .endSource()
        .endSpec()
        .build();
  }

  // Model objects made by hand, as the importer would make them, covering every spec field the DSL
  // renders; strings carry what Java literals must escape.

  public static final String AWKWARD =
      "quote \" backslash \\ \\u0041 newline \n tab \t cr \r bell \u0007 del \u007f é 🙂 */";

  public static Experiment everyExperimentField() {
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
    spec.setTutorial(
        tutorial(
            new TutorialService("grafana", "app", "grafana", null, 80, null),
            new TutorialService("db-ui", "db", "adminer", "tools", 8080, "/login?x=\"y\"")));
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

  public static Experiment fewExperimentFields() {
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

  public static Component everyComponentField() {
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

  public static Component fewComponentFields() {
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

  // The rules tests' inputs, as model objects: the validate tests' valid-experiment.yaml and
  // catalogue.yaml, written in Java. Every call gives fresh, mutable objects to break.

  /** The experiment's name. */
  public static final String TSDB_COMPARISON = "tsdb-comparison";

  /** A tutorial that exposes the kubeconfigs and lists {@code services}. */
  public static Tutorial tutorial(TutorialService... services) {
    return new Tutorial(true, services.length == 0 ? null : List.of(services));
  }

  /** A tutorial service {@code name} on {@code target}: Service {@code name}, port 80. */
  public static TutorialService tutorialService(String name, String target) {
    return new TutorialService(name, target, name, null, 80, null);
  }

  /** Two targets (app on gke, loadgen on the hub after app), two metrics, a criterion. */
  public static ExperimentSpec validSpec() {
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
  public static KnownComponents knownComponents() {
    Map<String, ComponentSpec> specs = new TreeMap<>();
    specs.put("kube-prometheus-stack", prometheusSpec());
    specs.put(
        "hello-app",
        component(
            ComponentType.APP,
            git("components/apps/hello-app/k8s"),
            new ComponentParameter("replicas", ParameterType.INT, "2", null, null)));
    specs.put(
        "k6-load", component(ComponentType.WORKFLOW, git("components/testing/k6-load"), null));
    specs.put("metrics-agent", metricsAgentSpec());
    return KnownComponents.of(specs);
  }

  public static ComponentSpec prometheusSpec() {
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

  public static ComponentSpec metricsAgentSpec() {
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

  public static ComponentSpec helloSpec() {
    return knownComponents().spec("hello-app").orElseThrow();
  }

  @SafeVarargs
  public static <T> List<T> list(T... items) {
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

  // The validate tests' YAML corpus (src/test/resources/io/illm/lab/validate): a valid experiment
  // and a small component catalogue.

  private static final ObjectNode VALID_EXPERIMENT =
      (ObjectNode) documents("valid-experiment.yaml").get(0);
  private static final ComponentCatalogue VALIDATE_CATALOGUE =
      catalogueOf(documents("catalogue.yaml"));

  /** A fresh copy of valid-experiment.yaml, to edit. */
  public static ObjectNode validExperimentYaml() {
    return VALID_EXPERIMENT.deepCopy();
  }

  /**
   * kube-prometheus-stack (Helm), hello-app (Git), k6-load (workflow), metrics-agent (values ref).
   */
  public static ComponentCatalogue componentCatalogue() {
    return VALIDATE_CATALOGUE;
  }

  public static ObjectNode componentYaml(String name) {
    for (JsonNode document : documents("catalogue.yaml")) {
      if (document.path("metadata").path("name").asText().equals(name)) {
        return (ObjectNode) document;
      }
    }
    throw new IllegalArgumentException(name);
  }

  public static String resource(String name) {
    try (InputStream in = Testing.class.getResourceAsStream("/io/illm/lab/validate/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<JsonNode> documents(String name) {
    try {
      return LabYaml.reader()
          .readerFor(JsonNode.class)
          .<JsonNode>readValues(resource(name))
          .readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ComponentCatalogue catalogueOf(List<JsonNode> documents) {
    List<Component> components = new ArrayList<>();
    for (JsonNode document : documents) {
      try {
        components.add(LabYaml.convert(document, Component.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ComponentCatalogue.of(components);
  }
}
