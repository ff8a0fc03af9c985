package io.illm.lab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Walks every leaf of an imported document and requires it to be carried into the output (under the
 * documented rename, with the same value) or named, itself or one of its parents, by a problem.
 * This is what "never dropped silently" means, checked without knowing any field.
 */
final class LeafCheck {

  private LeafCheck() {}

  /** The string paths of the input leaves that are neither in the output nor reported. */
  static List<String> droppedSilently(JsonNode input, JsonNode output, List<String> reported) {
    List<String> dropped = new ArrayList<>();
    walk(input, new ArrayList<>(), output, reported, dropped);
    return dropped;
  }

  private static void walk(
      JsonNode node,
      List<Object> path,
      JsonNode output,
      List<String> reported,
      List<String> dropped) {
    if (node.isObject() && !node.isEmpty()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        path.add(field.getKey());
        walk(field.getValue(), path, output, reported, dropped);
        path.remove(path.size() - 1);
      }
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        walk(node.get(i), path, output, reported, dropped);
        path.remove(path.size() - 1);
      }
    } else if (!node.isContainerNode()) {
      String shown = render(path);
      boolean isReported =
          reported.stream()
              .anyMatch(
                  r ->
                      r.isEmpty()
                          || shown.equals(r)
                          || shown.startsWith(r + ".")
                          || shown.startsWith(r + "["));
      if (!isReported && !sameValue(node, at(output, renamed(path)))) {
        dropped.add(shown);
      }
    }
    // An empty map or list carries nothing, so the writer leaving it out loses nothing.
  }

  /** The documented renames of import, as paths: see docs/import.md. */
  static List<Object> renamed(List<Object> path) {
    List<Object> out = new ArrayList<>(path);
    if (out.size() == 5
        && out.get(0).equals("spec")
        && out.get(1).equals("targets")
        && out.get(3).equals("cluster")
        && out.get(4).equals("type")) {
      out.set(4, "provider");
    }
    if (out.size() >= 3
        && out.get(0).equals("spec")
        && out.get(1).equals("metrics")
        && out.get(2) instanceof Integer) {
      out.add(2, "queries");
    }
    if (out.size() == 3
        && out.get(0).equals("spec")
        && out.get(1).equals("qualityGate")
        && out.get(2).equals("recollectDelaySeconds")) {
      out.set(2, "recollectDelay");
    }
    return out;
  }

  private static JsonNode at(JsonNode root, List<Object> path) {
    JsonNode node = root;
    for (Object step : path) {
      node = step instanceof Integer index ? node.path(index) : node.path((String) step);
    }
    return node;
  }

  /**
   * The same value: the same text for strings (a string "true" written as a boolean would be a
   * change), the same number, a number for a criterion's numeric string, a duration for seconds.
   */
  private static boolean sameValue(JsonNode in, JsonNode out) {
    if (out.isMissingNode() || out.isNull()) {
      return in.isNull();
    }
    if (in.isTextual() && out.isNumber()) {
      return Double.parseDouble(in.asText()) == out.asDouble();
    }
    if (in.isNumber()
        && out.isTextual()
        && out.asText().matches("(\\d+h)?(\\d+m)?(\\d+s)?")
        && !out.asText().isEmpty()
        && !out.asText().matches("\\d+")) {
      return in.asLong() == seconds(out.asText());
    }
    if (in.isNumber() && out.isNumber()) {
      return in.asDouble() == out.asDouble();
    }
    if (in.isBoolean() || out.isBoolean()) {
      return in.isBoolean() && out.isBoolean() && in.asBoolean() == out.asBoolean();
    }
    return out.isTextual() && in.asText().equals(out.asText());
  }

  private static long seconds(String duration) {
    long total = 0;
    long number = 0;
    for (char c : duration.toCharArray()) {
      if (Character.isDigit(c)) {
        number = number * 10 + (c - '0');
      } else {
        total += number * (c == 'h' ? 3600 : c == 'm' ? 60 : 1);
        number = 0;
      }
    }
    return total;
  }

  private static String render(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path) {
      if (step instanceof Integer index) {
        out.append('[').append(index).append(']');
      } else {
        out.append(out.length() == 0 ? "" : ".").append(step);
      }
    }
    return out.toString();
  }
}
