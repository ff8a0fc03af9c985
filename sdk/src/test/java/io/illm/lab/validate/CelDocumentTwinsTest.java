package io.illm.lab.validate;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
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
                      c -> set(c, "spec.sources[0].path", "charts/x"), "spec.sources[0]", true))));

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
                      "c.yaml", c.breakIt().apply(Fixtures.component("kube-prometheus-stack")))
                  : Validator.validateExperiment(
                      "x.yaml",
                      c.breakIt().apply(Fixtures.validExperiment()),
                      Fixtures.catalogue());
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
