package io.illm.lab.examples;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An object as its leaves, path to text, for comparing two versions of a definition field by field.
 * Elements of a list of objects with a {@code name} are keyed by that name ({@code
 * parameters[retention]}), so that a reordered or inserted element is one difference, not many.
 */
final class Leaves {

  private Leaves() {}

  static SortedMap<String, String> of(Object value) {
    SortedMap<String, String> leaves = new TreeMap<>();
    walk("", LabYaml.json().valueToTree(value), leaves);
    return leaves;
  }

  /**
   * Every path whose value differs, as {@code path: original → here} ({@code —} when absent); a
   * list element present on one side only is one line, {@code added} or {@code removed}.
   */
  static List<String> differences(Map<String, String> original, Map<String, String> here) {
    TreeSet<String> paths = new TreeSet<>(original.keySet());
    paths.addAll(here.keySet());
    TreeSet<String> lines = new TreeSet<>();
    for (String path : paths) {
      String element = onlyOnOneSide(path, original, here);
      String a = original.getOrDefault(path, "—");
      String b = here.getOrDefault(path, "—");
      if (element != null) {
        lines.add(element + (original.containsKey(path) ? ": removed" : ": added"));
      } else if (!a.equals(b)) {
        lines.add(path + ": " + a + " → " + b);
      }
    }
    return new ArrayList<>(lines);
  }

  /** The list element ({@code a[b]}) holding the path when only one side has it, else null. */
  private static String onlyOnOneSide(
      String path, Map<String, String> one, Map<String, String> two) {
    int depth = 0;
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      depth += c == '[' ? 1 : c == ']' ? -1 : 0;
      if (c != ']' || depth != 0) {
        continue;
      }
      String element = path.substring(0, i + 1);
      boolean inOne = one.keySet().stream().anyMatch(p -> p.startsWith(element));
      boolean inTwo = two.keySet().stream().anyMatch(p -> p.startsWith(element));
      if (inOne != inTwo) {
        return element;
      }
    }
    return null;
  }

  private static void walk(String path, JsonNode node, SortedMap<String, String> leaves) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isObject()) {
      node.fields().forEachRemaining(f -> walk(join(path, f.getKey()), f.getValue(), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode element = node.get(i);
        String key = element.hasNonNull("name") ? element.get("name").asText() : String.valueOf(i);
        walk(path + "[" + key + "]", element, leaves);
      }
    } else {
      leaves.put(path, node.asText());
    }
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
