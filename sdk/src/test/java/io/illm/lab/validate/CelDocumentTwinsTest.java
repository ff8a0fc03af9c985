package io.illm.lab.validate;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.testing.Testing;
import io.illm.lab.yaml.LabYaml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule in the generated CRDs, met as {@code ./lab validate} meets it: a document that
 * breaks the rule, and {@link Validator} reporting it at the broken field. {@link
 * io.illm.lab.rules.CelTwinsTest} proves the spec rules' twins on the model; this table adds the
 * rules on metadata (the Experiment's name) and is the one kube-tests' DifferentialValidationTest
 * sends to a real API server, which must refuse each case with the same message. A rule added to
 * the model without a case here fails {@link #everyCelRuleInTheCrdsHasACase}.
 */
class CelDocumentTwinsTest {

  /** A document that breaks the rule, the path the twin must report, and which validation runs. */
  record Case(Function<ObjectNode, ObjectNode> breakIt, String path, boolean component) {}

  private static final String CRITERION = "spec.hypothesis.successCriteria[0]";

  static final Map<String, Case> CASES =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry(
                  io.illm.lab.model.Experiment.NAME_RULE,
                  new Case(e -> set(e, "metadata.name", "e".repeat(64)), "metadata.name", false)),
              Map.entry(
                  "successCriteria[].target must name a target of this experiment",
                  new Case(
                      e -> set(e, "spec.hypothesis.successCriteria[0].target", "ghost"),
                      "spec.hypothesis.successCriteria[0].target",
                      false)),
              Map.entry(
                  "target names must be unique",
                  new Case(
                      e -> set(e, "spec.targets[1].name", "app"), "spec.targets[1].name", false)),
              Map.entry(
                  "depends must name another target of this experiment",
                  new Case(
                      e -> set(e, "spec.targets[1].depends[0]", "db"),
                      "spec.targets[1].depends[0]",
                      false)),
              Map.entry(
                  "successCriteria[].metric must name a metric in metrics.queries",
                  new Case(
                      e -> set(e, "spec.hypothesis.successCriteria[0].metric", "latency"),
                      "spec.hypothesis.successCriteria[0].metric",
                      false)),
              Map.entry(
                  "metric names must be unique",
                  new Case(
                      e -> set(e, "spec.metrics.queries[1].name", "memory_total"),
                      "spec.metrics.queries[1].name",
                      false)),
              Map.entry(
                  "a hub target uses the hub cluster as it is: remove the machine shape fields",
                  new Case(
                      e -> set(e, "spec.targets[1].cluster.nodeCount", 3),
                      "spec.targets[1].cluster.nodeCount",
                      false)),
              Map.entry(
                  "zone applies to gke only; use region for eks and aks",
                  new Case(
                      e -> set(e, "spec.targets[0].cluster.provider", "aks"),
                      "spec.targets[0].cluster.zone",
                      false)),
              Map.entry(
                  "set zone (zonal cluster) or region (regional cluster), not both",
                  new Case(
                      e -> set(e, "spec.targets[0].cluster.region", "us-central1"),
                      "spec.targets[0].cluster",
                      false)),
              Map.entry(
                  "set exactly one of app, workflow and config",
                  new Case(
                      e -> set(e, "spec.targets[0].components[0].workflow", "k6-load"),
                      "spec.targets[0].components[0]",
                      false)),
              Map.entry(
                  "retainFor applies to action retain only",
                  new Case(
                      e -> set(e, "spec.cleanup.onComplete.action", "delete"),
                      "spec.cleanup.onComplete.retainFor",
                      false)),
              Map.entry(
                  "a source is a Helm chart (chart) or a Git path (path), not both",
                  new Case(
                      c -> set(c, "spec.sources[0].path", "charts/x"), "spec.sources[0]", true)),
              Map.entry(
                  "set exactly one of value (a threshold) and than (a target to compare with)",
                  new Case(e -> set(e, CRITERION + ".than", "loadgen"), CRITERION, false)),
              Map.entry(
                  "a criterion with than compares its target with another target: set target to a"
                      + " different target",
                  new Case(
                      e -> set(comparative(e), CRITERION + ".than", "app"),
                      CRITERION + ".target",
                      false)),
              Map.entry(
                  "factor applies to a criterion with than only",
                  new Case(e -> set(e, CRITERION + ".factor", 0.8), CRITERION + ".factor", false)),
              Map.entry(
                  "factor must be greater than 0",
                  new Case(
                      e -> set(comparative(e), CRITERION + ".factor", 0.0),
                      CRITERION + ".factor",
                      false)),
              Map.entry(
                  "successCriteria[].than must name a target of this experiment",
                  new Case(
                      e -> set(comparative(e), CRITERION + ".than", "db"),
                      CRITERION + ".than",
                      false)),
              Map.entry(
                  "metrics.comparisons must name targets of this experiment",
                  new Case(
                      e -> compare(e, Map.of("baseline", "db")),
                      "spec.metrics.comparisons[0].baseline",
                      false)),
              Map.entry(
                  "comparisons[].metrics must name metrics in queries",
                  new Case(
                      e -> compare(e, Map.of("baseline", "app", "metrics", List.of("latency"))),
                      "spec.metrics.comparisons[0].metrics[0]",
                      false)),
              Map.entry(
                  "a comparison's targets are compared with its baseline: leave the baseline out of"
                      + " targets",
                  new Case(
                      e -> compare(e, Map.of("baseline", "app", "targets", List.of("app"))),
                      "spec.metrics.comparisons[0].targets[0]",
                      false)),
              Map.entry(
                  "tutorial service names must be unique",
                  new Case(
                      e -> tutorial(e, service("grafana", "app"), service("grafana", "loadgen")),
                      "spec.tutorial.services[1].name",
                      false)),
              Map.entry(
                  "tutorial.services[].target must name a target of this experiment",
                  new Case(
                      e -> tutorial(e, service("grafana", "db")),
                      "spec.tutorial.services[0].target",
                      false))));

  private static Map<String, Object> service(String name, String target) {
    return Map.of("name", name, "target", target, "service", name, "port", 80);
  }

  @SafeVarargs
  private static ObjectNode tutorial(ObjectNode experiment, Map<String, Object>... services) {
    return set(experiment, "spec.tutorial", Map.of("services", List.of(services)));
  }

  /** The first criterion made comparative: app against loadgen, no threshold. */
  private static ObjectNode comparative(ObjectNode experiment) {
    ((ObjectNode) experiment.at("/spec/hypothesis/successCriteria/0")).remove("value");
    return set(experiment, CRITERION + ".than", "loadgen");
  }

  private static ObjectNode compare(ObjectNode experiment, Map<String, Object> comparison) {
    return set(experiment, "spec.metrics.comparisons", List.of(comparison));
  }

  @Test
  void everyCelRuleInTheCrdsHasACase() throws Exception {
    TreeSet<String> rules = new TreeSet<>();
    for (String crd : List.of("experiments", "components")) {
      collectMessages(crd(crd), rules);
    }
    assertEquals(
        CASES.keySet(), rules, "CEL rules in the generated CRDs vs. twin cases in this test");
  }

  @Test
  void eachTwinReportsItsRuleAtThePathOfTheBrokenField() {
    CASES.forEach(
        (message, c) -> {
          List<Problem> problems =
              c.component()
                  ? Validator.validateComponent(
                      "c.yaml", c.breakIt().apply(Testing.componentYaml("kube-prometheus-stack")))
                  : Validator.validateExperiment(
                      "x.yaml",
                      c.breakIt().apply(Testing.validExperimentYaml()),
                      Testing.componentCatalogue());
          assertError(problems, c.path(), message);
        });
  }

  private static ObjectNode set(ObjectNode document, String path, Object value) {
    TreePaths.set(document, path, LabYaml.reader().valueToTree(value));
    return document;
  }

  private static JsonNode crd(String plural) throws Exception {
    String resource = "META-INF/fabric8/" + plural + ".experiments.illm.io-v1.yml";
    try (InputStream in =
        CelDocumentTwinsTest.class.getClassLoader().getResourceAsStream(resource)) {
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
