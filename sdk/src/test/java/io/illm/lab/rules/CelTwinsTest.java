package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
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
          return ExperimentRules.check(Specs.NAME, spec, Specs.catalogue());
        },
        path);
  }

  private static Case component(Consumer<ComponentSpec> change, String path) {
    return new Case(
        ignored -> {
          ComponentSpec spec = Specs.prometheus();
          change.accept(spec);
          return ComponentRules.check("c", spec);
        },
        path);
  }

  private static final Map<String, Case> CASES = new TreeMap<>();

  static {
    CASES.put(
        "target names must be unique",
        experiment(s -> s.getTargets().get(1).setName("app"), "spec.targets[1].name"));
    CASES.put(
        "depends must name another target of this experiment",
        experiment(
            s -> s.getTargets().get(1).setDepends(Specs.list("db")), "spec.targets[1].depends[0]"));
    CASES.put(
        "successCriteria[].metric must name a metric in metrics.queries",
        experiment(
            s -> s.getHypothesis().getSuccessCriteria().get(0).setMetric("latency"),
            "spec.hypothesis.successCriteria[0].metric"));
    CASES.put(
        "successCriteria[].target must name a target of this experiment",
        experiment(
            s -> s.getHypothesis().getSuccessCriteria().get(0).setTarget("ghost"),
            "spec.hypothesis.successCriteria[0].target"));
    CASES.put(
        "metric names must be unique",
        experiment(
            s -> s.getMetrics().getQueries().get(1).setName("memory_total"),
            "spec.metrics.queries[1].name"));
    CASES.put(
        "a hub target uses the hub cluster as it is: remove the machine shape fields",
        experiment(
            s -> s.getTargets().get(1).getCluster().setNodeCount(3),
            "spec.targets[1].cluster.nodeCount"));
    CASES.put(
        "zone applies to gke only; use region for eks and aks",
        experiment(
            s -> s.getTargets().get(0).getCluster().setProvider(Provider.AKS),
            "spec.targets[0].cluster.zone"));
    CASES.put(
        "set zone (zonal cluster) or region (regional cluster), not both",
        experiment(
            s -> s.getTargets().get(0).getCluster().setRegion("us-central1"),
            "spec.targets[0].cluster"));
    CASES.put(
        "set exactly one of app, workflow and config",
        experiment(
            s -> s.getTargets().get(0).getComponents().get(0).setWorkflow("k6-load"),
            "spec.targets[0].components[0]"));
    CASES.put(
        "retainFor applies to action retain only",
        experiment(
            s -> s.getCleanup().getOnComplete().setAction(io.illm.lab.model.CleanupAction.DELETE),
            "spec.cleanup.onComplete.retainFor"));
    CASES.put(
        "a source is a Helm chart (chart) or a Git path (path), not both",
        component(c -> c.getSources().get(0).setPath("charts/x"), "spec.sources[0]"));
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
    CASES.forEach((message, c) -> assertError(c.breakIt().apply(Specs.valid()), c.path(), message));
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
