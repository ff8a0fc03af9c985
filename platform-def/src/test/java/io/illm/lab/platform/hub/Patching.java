package io.illm.lab.platform.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * function-patch-and-transform's patches, as far as the lab's Compositions use them, for the tests:
 * a resource's base patched from a composite (FromCompositeFieldPath; a missing source skips the
 * patch), the composite patched back from a composed resource's observed state
 * (ToCompositeFieldPath), with the transforms string Format and TrimPrefix, convert to string and
 * map. Simulated here: Crossplane does it on a hub.
 */
final class Patching {

  private static final Pattern INDEX = Pattern.compile("(.+)\\[(\\d+)]");
  private static final Pattern KEY = Pattern.compile("(.+)\\[([^\\]]+)]");

  private Patching() {}

  /** The resource as Crossplane would create it for {@code composite}. */
  static ObjectNode compose(JsonNode resource, JsonNode composite) {
    ObjectNode composed = resource.path("base").deepCopy();
    apply(resource, "FromCompositeFieldPath", composite, composed);
    return composed;
  }

  /** {@code composite} with what the resource's observed state patches back into it. */
  static void back(JsonNode resource, JsonNode observed, ObjectNode composite) {
    apply(resource, "ToCompositeFieldPath", observed, composite);
  }

  private static void apply(JsonNode resource, String type, JsonNode from, ObjectNode to) {
    for (JsonNode patch : resource.path("patches")) {
      if (!type.equals(patch.path("type").asText())) {
        continue;
      }
      JsonNode value = get(from, patch.path("fromFieldPath").asText());
      if (value == null || value.isMissingNode() || value.isNull()) {
        continue;
      }
      for (JsonNode transform : patch.path("transforms")) {
        value = transform(transform, value);
      }
      set(to, patch.path("toFieldPath").asText(), value);
    }
  }

  private static JsonNode transform(JsonNode transform, JsonNode value) {
    return switch (transform.path("type").asText()) {
      case "convert" -> new TextNode(value.asText());
      case "map" -> transform.path("map").path(value.asText());
      case "string" -> string(transform.path("string"), value.asText());
      default -> throw new IllegalArgumentException("transform not simulated: " + transform);
    };
  }

  private static JsonNode string(JsonNode string, String value) {
    return switch (string.path("type").asText()) {
      case "Format" -> new TextNode(String.format(string.path("fmt").asText(), value));
      case "TrimPrefix" ->
          new TextNode(
              value.startsWith(string.path("trim").asText())
                  ? value.substring(string.path("trim").asText().length())
                  : value);
      default -> throw new IllegalArgumentException("string transform not simulated: " + string);
    };
  }

  /** A field by path; {@code a.b[key]} reads a map entry whose key has dots. */
  static JsonNode get(JsonNode node, String path) {
    Matcher keyed = KEY.matcher(path);
    if (keyed.matches() && !INDEX.matcher(path).matches()) {
      return get(node, keyed.group(1)).path(keyed.group(2));
    }
    JsonNode current = node;
    for (String part : path.split("\\.")) {
      current = current.path(part);
    }
    return current;
  }

  private static void set(ObjectNode root, String path, JsonNode value) {
    String[] parts = path.split("\\.");
    ObjectNode current = root;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      Matcher indexed = INDEX.matcher(parts[i]);
      if (indexed.matches()) {
        ArrayNode array = current.withArrayProperty(indexed.group(1));
        int index = Integer.parseInt(indexed.group(2));
        while (array.size() <= index) {
          array.addNull();
        }
        array.set(index, value);
        return;
      }
      if (last) {
        current.set(parts[i], value);
      } else {
        current = current.withObjectProperty(parts[i]);
      }
    }
  }
}
