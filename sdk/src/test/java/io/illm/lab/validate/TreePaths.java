package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and edits a document tree at a problem-style path ({@code spec.targets[1].name}). */
final class TreePaths {

  private static final Pattern SEGMENT =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_-]*)|\\[(\\d+)]|\\['([^']*)']|\\.");

  private TreePaths() {}

  static List<Object> segments(String path) {
    List<Object> out = new ArrayList<>();
    Matcher m = SEGMENT.matcher(path);
    int at = 0;
    while (at < path.length() && m.find(at) && m.start() == at) {
      if (m.group(1) != null) {
        out.add(m.group(1));
      } else if (m.group(2) != null) {
        out.add(Integer.parseInt(m.group(2)));
      } else if (m.group(3) != null) {
        out.add(m.group(3));
      }
      at = m.end();
    }
    if (at != path.length()) {
      throw new IllegalArgumentException("bad path " + path);
    }
    return out;
  }

  static JsonNode get(JsonNode root, String path) {
    JsonNode node = root;
    for (Object segment : segments(path)) {
      node = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
    }
    return node;
  }

  /** Sets the value at path, creating objects on the way. */
  static void set(JsonNode root, String path, JsonNode value) {
    List<Object> segments = segments(path);
    JsonNode parent = parent(root, segments, true);
    Object last = segments.get(segments.size() - 1);
    if (last instanceof Integer i) {
      ArrayNode array = (ArrayNode) parent;
      if (i < array.size()) {
        array.set(i, value);
      } else {
        array.add(value);
      }
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
  }

  static void remove(JsonNode root, String path) {
    List<Object> segments = segments(path);
    JsonNode parent = parent(root, segments, false);
    Object last = segments.get(segments.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).remove(i);
    } else {
      ((ObjectNode) parent).remove((String) last);
    }
  }

  private static JsonNode parent(JsonNode root, List<Object> segments, boolean create) {
    JsonNode node = root;
    for (int k = 0; k < segments.size() - 1; k++) {
      Object segment = segments.get(k);
      JsonNode next = segment instanceof Integer i ? node.path(i) : node.path((String) segment);
      if (next.isMissingNode() && create) {
        boolean array = segments.get(k + 1) instanceof Integer;
        next =
            array
                ? ((ObjectNode) node).putArray((String) segment)
                : ((ObjectNode) node).putObject((String) segment);
      }
      node = next;
    }
    return node;
  }
}
