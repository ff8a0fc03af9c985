package io.illm.lab.cli.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Optional;

/**
 * Every object the operator would create for an experiment, in the order it would create them.
 *
 * @param objects the typed objects (secrets hold placeholder credentials, never real ones)
 * @param failure why the lifecycle ended Failed before Complete, if it did (then objects are those
 *     created up to the failure)
 */
public record Rendering(List<HasMetadata> objects, Optional<String> failure) {

  /** What replaces every value of a Secret's data and stringData. */
  public static final String REDACTED = "<redacted>";

  public Rendering {
    objects = List.copyOf(objects);
  }

  /** The objects as trees, sorted keys, empty fields dropped, Secret values redacted. */
  public List<JsonNode> documents() {
    return objects.stream().map(Rendering::document).toList();
  }

  /** One object as a tree, its Secret values redacted. */
  public static JsonNode document(HasMetadata object) {
    JsonNode tree = LabYaml.json().valueToTree(object);
    if ("Secret".equals(object.getKind()) && tree instanceof ObjectNode secret) {
      for (String field : List.of("data", "stringData")) {
        if (secret.path(field) instanceof ObjectNode values) {
          List<String> names = new java.util.ArrayList<>();
          values.fieldNames().forEachRemaining(names::add);
          names.forEach(name -> values.put(name, REDACTED));
        }
      }
    }
    return tree;
  }
}
