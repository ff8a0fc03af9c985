package io.illm.lab.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields an object of the original API may have. Pruning a document against its shape removes
 * the fields the original API did not have, reporting each by path, so that nothing unknown is
 * dropped silently and the strict binding that follows sees only fields import knows how to map.
 */
final class Shape {

  /** Any value: a scalar, or a free-form map such as params. */
  static final Shape ANY = new Shape(null, null);

  private final Map<String, Shape> fields;
  private final Shape element;

  private Shape(Map<String, Shape> fields, Shape element) {
    this.fields = fields;
    this.element = element;
  }

  /** An object with these fields, given as name, shape, name, shape... */
  static Shape object(Object... namesAndShapes) {
    Map<String, Shape> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndShapes.length; i += 2) {
      fields.put((String) namesAndShapes[i], (Shape) namesAndShapes[i + 1]);
    }
    return new Shape(fields, null);
  }

  /** A list whose elements have the given shape. */
  static Shape listOf(Shape element) {
    return new Shape(null, element);
  }

  /**
   * Removes from {@code node} every field this shape does not know and reports it. A node of the
   * wrong kind (a scalar where an object belongs) is left alone: binding reports it as a type
   * error.
   */
  void prune(JsonNode node, String path, Findings findings) {
    if (element != null && node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        element.prune(node.get(i), FieldPath.index(path, i), findings);
      }
    } else if (fields != null && node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        Shape shape = fields.get(name);
        if (shape == null) {
          object.remove(name);
          findings.warn(
              FieldPath.key(path, name),
              "not carried over: the original API has no field " + name,
              "known here: " + String.join(", ", fields.keySet()));
        } else {
          shape.prune(object.get(name), FieldPath.key(path, name), findings);
        }
      }
    }
  }
}
