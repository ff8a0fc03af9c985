package io.illm.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.rules.ProblemAssertions;
import io.illm.lab.validate.RuleOwnedConstraints.Constraint;
import io.illm.lab.yaml.LabYaml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The schema constraints validate leaves to the rules: each is in the generated CRD (so a cluster
 * still enforces it), and each, broken, is reported exactly once, by its rule, at its path.
 */
class RuleOwnedConstraintsTest {

  /** How to break a constraint in a valid document, and where the one problem must be. */
  private record Case(Consumer<ObjectNode> breakIt, String path) {}

  private static final Map<Constraint, Case> EXPERIMENT = new LinkedHashMap<>();
  private static final Map<Constraint, Case> COMPONENT = new LinkedHashMap<>();

  static {
    experiment("spec", "required", d -> TreePaths.remove(d, "spec"), "spec");
    // without targets, the criterion's target would be unknown too: the hypothesis goes with them
    experiment(
        "spec.targets",
        "required",
        d -> set(d, "spec", Map.of("workflow", workflow(d))),
        "spec.targets");
    experiment(
        "spec.targets",
        "minItems",
        d -> set(d, "spec", Map.of("targets", List.of(), "workflow", workflow(d))),
        "spec.targets");
    // targets[1] (loadgen): nothing depends on it or names it
    experiment(
        "spec.targets[].name",
        "required",
        d -> TreePaths.remove(d, "spec.targets[1].name"),
        "spec.targets[1].name");
    experiment(
        "spec.targets[].name",
        "minLength",
        d -> set(d, "spec.targets[1].name", ""),
        "spec.targets[1].name");
    experiment(
        "spec.targets[].cluster",
        "required",
        d -> TreePaths.remove(d, "spec.targets[1].cluster"),
        "spec.targets[1].cluster");
    experiment(
        "spec.targets[].cluster.provider",
        "required",
        d -> TreePaths.remove(d, "spec.targets[1].cluster.provider"),
        "spec.targets[1].cluster.provider");
    experiment(
        "spec.workflow", "required", d -> TreePaths.remove(d, "spec.workflow"), "spec.workflow");
    experiment(
        "spec.workflow.template",
        "required",
        d -> TreePaths.remove(d, "spec.workflow.template"),
        "spec.workflow.template");
    experiment(
        "spec.workflow.template",
        "minLength",
        d -> set(d, "spec.workflow.template", ""),
        "spec.workflow.template");
    experiment(
        "spec.workflow.completion",
        "required",
        d -> TreePaths.remove(d, "spec.workflow.completion"),
        "spec.workflow.completion");
    experiment(
        "spec.metrics.queries[].query",
        "required",
        d -> TreePaths.remove(d, "spec.metrics.queries[1].query"),
        "spec.metrics.queries[1].query");
    experiment(
        "spec.metrics.queries[].query",
        "minLength",
        d -> set(d, "spec.metrics.queries[1].query", ""),
        "spec.metrics.queries[1].query");
    for (String deadline : List.of("provisioning", "deploying", "running", "collecting", "total")) {
      String path = "spec.deadlines." + deadline;
      experiment(path, "pattern", d -> set(d, path, "2 hours"), path);
    }
    experiment(
        "spec.cleanup.onComplete.retainFor",
        "pattern",
        d -> set(d, "spec.cleanup.onComplete.retainFor", "2 hours"),
        "spec.cleanup.onComplete.retainFor");
    experiment(
        "spec.cleanup.onFailure.retainFor",
        "pattern",
        d -> set(d, "spec.cleanup.onFailure", Map.of("action", "retain", "retainFor", "2 hours")),
        "spec.cleanup.onFailure.retainFor");
    experiment(
        "spec.qualityGate.recollectDelay",
        "pattern",
        d -> set(d, "spec.qualityGate.recollectDelay", "2 hours"),
        "spec.qualityGate.recollectDelay");
    COMPONENT.put(
        new Constraint("spec.sources", "required"),
        new Case(d -> TreePaths.remove(d, "spec.sources"), "spec.sources"));
    COMPONENT.put(
        new Constraint("spec.sources", "minItems"),
        new Case(d -> set(d, "spec.sources", List.of()), "spec.sources"));
  }

  @Test
  void everyConstraintIsInTheGeneratedCrd() throws Exception {
    for (String plural : List.of("experiments", "components")) {
      for (Constraint constraint : RuleOwnedConstraints.BY_PLURAL.get(plural)) {
        ObjectNode schema = openApi(plural);
        assertTrue(
            RuleOwnedConstraints.remove(schema, List.of(constraint)),
            plural + ": " + constraint + " is not in the CRD");
        assertTrue(
            !RuleOwnedConstraints.remove(schema, List.of(constraint)),
            plural + ": " + constraint + " is still there after removing it");
      }
    }
  }

  @Test
  void everyConstraintHasACase() {
    assertEquals(
        RuleOwnedConstraints.BY_PLURAL.get("experiments"), List.copyOf(EXPERIMENT.keySet()));
    assertEquals(RuleOwnedConstraints.BY_PLURAL.get("components"), List.copyOf(COMPONENT.keySet()));
  }

  @Test
  void eachBrokenConstraintIsOneProblemFromItsRule() {
    EXPERIMENT.forEach(
        (constraint, c) -> {
          ObjectNode document = Fixtures.validExperiment();
          c.breakIt().accept(document);
          assertOne(
              constraint,
              c.path(),
              Validator.validateExperiment("x.yaml", document, Fixtures.catalogue()));
        });
    COMPONENT.forEach(
        (constraint, c) -> {
          ObjectNode document = Fixtures.component("hello-app");
          c.breakIt().accept(document);
          assertOne(constraint, c.path(), Validator.validateComponent("c.yaml", document));
        });
  }

  /**
   * One error, at the path; an empty name also breaks the name's pattern, which stays the schema's.
   */
  private static void assertOne(Constraint constraint, String path, List<Problem> problems) {
    List<Problem> others = new ArrayList<>(problems);
    others.removeIf(p -> p.message().endsWith("is not allowed here"));
    assertEquals(1, others.size(), constraint + ":\n" + ProblemAssertions.show(problems));
    assertEquals(path, others.get(0).path(), constraint + ":\n" + ProblemAssertions.show(problems));
    assertTrue(others.get(0).isError(), constraint + ":\n" + ProblemAssertions.show(problems));
  }

  private static void experiment(
      String field, String keyword, Consumer<ObjectNode> breakIt, String path) {
    EXPERIMENT.put(new Constraint(field, keyword), new Case(breakIt, path));
  }

  private static JsonNode workflow(ObjectNode document) {
    return TreePaths.get(document, "spec.workflow").deepCopy();
  }

  private static void set(ObjectNode document, String path, Object value) {
    TreePaths.set(document, path, LabYaml.reader().valueToTree(value));
  }

  private static ObjectNode openApi(String plural) throws Exception {
    String resource = "META-INF/fabric8/" + plural + ".experiments.illm.io-v1.yml";
    try (InputStream in = getResource(resource)) {
      JsonNode crd = LabYaml.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (ObjectNode)
          crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    }
  }

  private static InputStream getResource(String resource) {
    return RuleOwnedConstraintsTest.class.getClassLoader().getResourceAsStream(resource);
  }
}
