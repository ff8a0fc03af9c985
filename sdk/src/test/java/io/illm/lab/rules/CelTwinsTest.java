package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.testing.Testing;
import io.illm.lab.yaml.LabYaml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule in the generated CRDs has a Java twin in the rules: the mock API server does not
 * evaluate CEL, and the operator cannot, so without the twin a rule would only ever be enforced on
 * a real cluster. A rule added to the model without a case here fails {@link
 * #everyCelRuleInTheCrdsHasATwinCase}.
 */
class CelTwinsTest {

  /** Breaks the rule on the valid fixture and returns the problems; the path the twin reports. */
  private record Case(Function<ExperimentSpec, List<Problem>> breakIt, String path) {}

  private static Case experiment(Consumer<ExperimentSpec> change, String path) {
    return new Case(
        spec -> {
          change.accept(spec);
          return ExperimentRules.check(Testing.TSDB_COMPARISON, spec, Testing.knownComponents());
        },
        path);
  }

  private static Case component(Consumer<ComponentSpec> change, String path) {
    return new Case(
        ignored -> {
          ComponentSpec spec = Testing.prometheusSpec();
          change.accept(spec);
          return ComponentRules.check("c", spec);
        },
        path);
  }

  /** The first criterion made comparative: app against loadgen. */
  private static SuccessCriterion comparative(ExperimentSpec spec) {
    SuccessCriterion criterion = spec.getHypothesis().getSuccessCriteria().get(0);
    criterion.setValue(null);
    criterion.setThan("loadgen");
    return criterion;
  }

  private static void compare(ExperimentSpec spec, TargetComparison comparison) {
    spec.getMetrics().setComparisons(Testing.list(comparison));
  }

  private static final Map<String, Case> CASES = new TreeMap<>();

  static {
    CASES.putAll(
        Map.of(
            "set exactly one of value (a threshold) and than (a target to compare with)",
            experiment(
                s -> s.getHypothesis().getSuccessCriteria().get(0).setThan("loadgen"),
                "spec.hypothesis.successCriteria[0]"),
            "a criterion with than compares its target with another target: set target to a"
                + " different target",
            experiment(
                s -> comparative(s).setThan("app"), "spec.hypothesis.successCriteria[0].target"),
            "factor applies to a criterion with than only",
            experiment(
                s -> s.getHypothesis().getSuccessCriteria().get(0).setFactor(0.8),
                "spec.hypothesis.successCriteria[0].factor"),
            "factor must be greater than 0",
            experiment(
                s -> comparative(s).setFactor(0.0), "spec.hypothesis.successCriteria[0].factor"),
            "successCriteria[].than must name a target of this experiment",
            experiment(
                s -> comparative(s).setThan("db"), "spec.hypothesis.successCriteria[0].than"),
            "metrics.comparisons must name targets of this experiment",
            experiment(
                s -> compare(s, new TargetComparison("db", null, null)),
                "spec.metrics.comparisons[0].baseline"),
            "comparisons[].metrics must name metrics in queries",
            experiment(
                s -> compare(s, new TargetComparison("app", null, Testing.list("latency"))),
                "spec.metrics.comparisons[0].metrics[0]"),
            "a comparison's targets are compared with its baseline: leave the baseline out of"
                + " targets",
            experiment(
                s -> compare(s, new TargetComparison("app", Testing.list("app"), null)),
                "spec.metrics.comparisons[0].targets[0]")));
    CASES.putAll(
        Map.of(
            "target names must be unique",
            experiment(s -> s.getTargets().get(1).setName("app"), "spec.targets[1].name"),
            "depends must name another target of this experiment",
            experiment(
                s -> s.getTargets().get(1).setDepends(Testing.list("db")),
                "spec.targets[1].depends[0]"),
            "successCriteria[].metric must name a metric in metrics.queries",
            experiment(
                s -> s.getHypothesis().getSuccessCriteria().get(0).setMetric("latency"),
                "spec.hypothesis.successCriteria[0].metric"),
            "metric names must be unique",
            experiment(
                s -> s.getMetrics().getQueries().get(1).setName("memory_total"),
                "spec.metrics.queries[1].name"),
            "a hub target uses the hub cluster as it is: remove the machine shape fields",
            experiment(
                s -> s.getTargets().get(1).getCluster().setNodeCount(3),
                "spec.targets[1].cluster.nodeCount"),
            "zone applies to gke only; use region for eks and aks",
            experiment(
                s -> s.getTargets().get(0).getCluster().setProvider(Provider.AKS),
                "spec.targets[0].cluster.zone"),
            "set zone (zonal cluster) or region (regional cluster), not both",
            experiment(
                s -> s.getTargets().get(0).getCluster().setRegion("us-central1"),
                "spec.targets[0].cluster"),
            "set exactly one of app, workflow and config",
            experiment(
                s -> s.getTargets().get(0).getComponents().get(0).setWorkflow("k6-load"),
                "spec.targets[0].components[0]"),
            "retainFor applies to action retain only",
            experiment(
                s ->
                    s.getCleanup()
                        .getOnComplete()
                        .setAction(io.illm.lab.model.CleanupAction.DELETE),
                "spec.cleanup.onComplete.retainFor"),
            "a source is a Helm chart (chart) or a Git path (path), not both",
            component(c -> c.getSources().get(0).setPath("charts/x"), "spec.sources[0]")));
    CASES.put(
        "successCriteria[].target must name a target of this experiment",
        experiment(
            s -> s.getHypothesis().getSuccessCriteria().get(0).setTarget("ghost"),
            "spec.hypothesis.successCriteria[0].target"));
    CASES.put(
        "tutorial service names must be unique",
        experiment(
            s ->
                s.setTutorial(
                    Testing.tutorial(
                        Testing.tutorialService("grafana", "app"),
                        Testing.tutorialService("grafana", "loadgen"))),
            "spec.tutorial.services[1].name"));
    CASES.put(
        "tutorial.services[].target must name a target of this experiment",
        experiment(
            s -> s.setTutorial(Testing.tutorial(Testing.tutorialService("grafana", "db"))),
            "spec.tutorial.services[0].target"));
  }

  /**
   * CEL rules on an object's metadata rather than its spec: {@code validate} checks them on the
   * document ({@link io.illm.lab.validate.CelDocumentTwinsTest} has their cases), the rules never
   * see metadata but the name.
   */
  private static final Set<String> ON_METADATA = Set.of(Experiment.NAME_RULE);

  @Test
  void everyCelRuleInTheCrdsHasATwinCase() throws Exception {
    TreeSet<String> rules = new TreeSet<>();
    for (String crd : List.of("experiments", "components")) {
      collectMessages(crd(crd), rules);
    }
    rules.removeAll(ON_METADATA);
    assertEquals(
        CASES.keySet(), rules, "CEL rules in the generated CRDs vs. twin cases in this test");
  }

  @Test
  void eachTwinReportsItsRuleAtThePathOfTheBrokenField() {
    CASES.forEach(
        (message, c) -> assertError(c.breakIt().apply(Testing.validSpec()), c.path(), message));
  }

  private static JsonNode crd(String plural) throws Exception {
    String resource = "META-INF/fabric8/" + plural + ".experiments.illm.io-v1.yml";
    try (InputStream in = CelTwinsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return LabYaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void collectMessages(JsonNode node, TreeSet<String> into) {
    if (node.isObject()) {
      node.path("x-kubernetes-validations")
          .forEach(rule -> into.add(rule.path("message").asText()));
    }
    node.forEach(child -> collectMessages(child, into));
  }
}
