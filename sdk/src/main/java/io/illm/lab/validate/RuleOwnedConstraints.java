package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * The constraints of our CRDs' schemas that the rules ({@code io.illm.lab.rules}) check themselves:
 * the fields an experiment cannot run without and the format of durations, which the operator must
 * check without a schema. Like the CEL rules, they are taken out of the schema {@code validate}
 * checks, so that each broken constraint is reported once, by its rule, in the same words the DSL
 * and the operator use. The CRD applied to a cluster keeps them all.
 */
final class RuleOwnedConstraints {

  /**
   * One constraint: a field, in schema terms ({@code spec.targets[].name}: the name property of the
   * items of spec's targets), and a keyword: {@code required} (the field is in its parent's
   * required list), or {@code minItems}, {@code minLength} or {@code pattern} on the field itself.
   */
  record Constraint(String field, String keyword) {}

  static final Map<String, List<Constraint>> BY_PLURAL =
      Map.of(
          "experiments",
          List.of(
              new Constraint("spec", "required"),
              new Constraint("spec.targets", "required"),
              new Constraint("spec.targets", "minItems"),
              new Constraint("spec.targets[].name", "required"),
              new Constraint("spec.targets[].name", "minLength"),
              new Constraint("spec.targets[].cluster", "required"),
              new Constraint("spec.targets[].cluster.provider", "required"),
              new Constraint("spec.workflow", "required"),
              new Constraint("spec.workflow.template", "required"),
              new Constraint("spec.workflow.template", "minLength"),
              new Constraint("spec.workflow.completion", "required"),
              new Constraint("spec.metrics.queries[].query", "required"),
              new Constraint("spec.metrics.queries[].query", "minLength"),
              new Constraint("spec.deadlines.provisioning", "pattern"),
              new Constraint("spec.deadlines.deploying", "pattern"),
              new Constraint("spec.deadlines.running", "pattern"),
              new Constraint("spec.deadlines.collecting", "pattern"),
              new Constraint("spec.deadlines.total", "pattern"),
              new Constraint("spec.cleanup.onComplete.retainFor", "pattern"),
              new Constraint("spec.cleanup.onFailure.retainFor", "pattern"),
              new Constraint("spec.qualityGate.recollectDelay", "pattern")),
          "components",
          List.of(
              new Constraint("spec.sources", "required"),
              new Constraint("spec.sources", "minItems")));

  private RuleOwnedConstraints() {}

  /**
   * Removes the constraints from an {@code openAPIV3Schema}; true when each was there to remove.
   */
  static boolean remove(ObjectNode openApi, List<Constraint> constraints) {
    boolean all = true;
    for (Constraint constraint : constraints) {
      all &= remove(openApi, constraint);
    }
    return all;
  }

  private static boolean remove(ObjectNode openApi, Constraint constraint) {
    String[] steps = constraint.field().split("\\.");
    JsonNode parent = openApi;
    for (int i = 0; i < steps.length - 1; i++) {
      parent = step(parent, steps[i]);
    }
    String last = steps[steps.length - 1];
    if (constraint.keyword().equals("required")) {
      return parent instanceof ObjectNode object && removeRequired(object, last);
    }
    return step(parent, last) instanceof ObjectNode field
        && field.remove(constraint.keyword()) != null;
  }

  /** The schema of a property ({@code targets}), or of its items ({@code targets[]}). */
  private static JsonNode step(JsonNode schema, String step) {
    boolean items = step.endsWith("[]");
    String name = items ? step.substring(0, step.length() - 2) : step;
    JsonNode property = schema.path("properties").path(name);
    return items ? property.path("items") : property;
  }

  /** Takes the name out of the object's required list, and the list when it is left empty. */
  private static boolean removeRequired(ObjectNode object, String name) {
    if (!(object.path("required") instanceof ArrayNode required)) {
      return false;
    }
    for (int i = 0; i < required.size(); i++) {
      if (required.get(i).asText().equals(name)) {
        required.remove(i);
        if (required.isEmpty()) {
          object.remove("required");
        }
        return true;
      }
    }
    return false;
  }
}
