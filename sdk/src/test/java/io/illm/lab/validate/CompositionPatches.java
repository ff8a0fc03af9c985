package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The FromCompositeFieldPath patches of a function-patch-and-transform resource applied to its base
 * for one composite, as Crossplane would (a missing source field skips the patch), with the
 * transforms our Compositions use: convert to string, map, string Format. Enough to check the
 * composed resources Crossplane would create against the providers' schemas.
 */
final class CompositionPatches {

  private static final Pattern INDEX = Pattern.compile("(.+)\\[(\\d+)]");

  private CompositionPatches() {}

  static JsonNode compose(JsonNode resource, JsonNode composite) {
    ObjectNode composed = resource.path("base").deepCopy();
    for (JsonNode patch : resource.path("patches")) {
      if (!"FromCompositeFieldPath".equals(patch.path("type").asText())) {
        continue;
      }
      JsonNode value = get(composite, patch.path("fromFieldPath").asText());
      if (value == null || value.isMissingNode() || value.isNull()) {
        continue;
      }
      for (JsonNode transform : patch.path("transforms")) {
        value = transform(transform, value);
      }
      set(composed, patch.path("toFieldPath").asText(), value);
    }
    return composed;
  }

  private static JsonNode transform(JsonNode transform, JsonNode value) {
    return switch (transform.path("type").asText()) {
      case "convert" -> new TextNode(value.asText());
      case "map" -> {
        if (!value.isTextual()) {
          throw new IllegalArgumentException(
              "a map transform takes a string, got " + value.getNodeType());
        }
        yield transform.path("map").path(value.asText());
      }
      case "string" ->
          new TextNode(
              String.format(transform.path("string").path("fmt").asText("%s"), value.asText()));
      default -> throw new IllegalArgumentException("transform not supported here: " + transform);
    };
  }

  private static JsonNode get(JsonNode node, String path) {
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      current = current.path(part);
    }
    return current;
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    JsonNode current = root;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      Matcher indexed = INDEX.matcher(parts[i]);
      ObjectNode object = (ObjectNode) current;
      if (indexed.matches()) {
        ArrayNode array = object.withArrayProperty(indexed.group(1));
        int index = Integer.parseInt(indexed.group(2));
        while (array.size() <= index) {
          array.addNull();
        }
        if (last) {
          array.set(index, value);
        } else {
          if (!array.get(index).isObject()) {
            array.set(index, array.objectNode());
          }
          current = array.get(index);
        }
      } else if (last) {
        object.set(parts[i], value);
      } else {
        current = object.withObjectProperty(parts[i]);
      }
    }
  }
}
