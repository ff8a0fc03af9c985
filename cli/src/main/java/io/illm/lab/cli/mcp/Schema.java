package io.illm.lab.cli.mcp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema (2020-12) of a tool's input or output, built in code: an object with typed
 * properties, the required ones listed. {@link #build} gives the map the SDK's {@code Tool} takes.
 */
final class Schema {

  private final Map<String, Object> properties = new LinkedHashMap<>();
  private final List<String> required = new ArrayList<>();
  private final boolean closed;

  private Schema(boolean closed) {
    this.closed = closed;
  }

  /** An input: unknown properties are refused, so a misspelt argument is an error. */
  static Schema input() {
    return new Schema(true);
  }

  /** An output: more properties may come later without breaking a client. */
  static Schema output() {
    return new Schema(false);
  }

  Schema string(String name, String description) {
    return property(name, type("string", description));
  }

  Schema oneOf(String name, String description, String... values) {
    Map<String, Object> p = type("string", description);
    p.put("enum", List.of(values));
    return property(name, p);
  }

  Schema integer(String name, String description, int minimum, int maximum) {
    Map<String, Object> p = type("integer", description);
    p.put("minimum", minimum);
    p.put("maximum", maximum);
    return property(name, p);
  }

  Schema number(String name, String description) {
    return property(name, type("number", description));
  }

  Schema bool(String name, String description) {
    return property(name, type("boolean", description));
  }

  Schema strings(String name, String description) {
    Map<String, Object> p = type("array", description);
    p.put("items", Map.of("type", "string"));
    return property(name, p);
  }

  Schema array(String name, String description) {
    return property(name, type("array", description));
  }

  Schema array(String name, String description, Map<String, Object> items) {
    Map<String, Object> p = type("array", description);
    p.put("items", items);
    return property(name, p);
  }

  Schema object(String name, String description) {
    return property(name, type("object", description));
  }

  /** A value of {@code type}, or null. */
  Schema nullable(String name, String type, String description) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", List.of(type, "null"));
    p.put("description", description);
    return property(name, p);
  }

  Schema required(String... names) {
    required.addAll(List.of(names));
    return this;
  }

  Map<String, Object> build() {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    if (!required.isEmpty()) {
      schema.put("required", List.copyOf(required));
    }
    if (closed) {
      schema.put("additionalProperties", false);
    }
    return schema;
  }

  private Schema property(String name, Map<String, Object> schema) {
    properties.put(name, schema);
    return this;
  }

  private static Map<String, Object> type(String type, String description) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", type);
    p.put("description", description);
    return p;
  }
}
