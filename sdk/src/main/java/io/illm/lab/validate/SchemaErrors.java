package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import java.util.ArrayList;
import java.util.List;

/** Turns the schema library's errors into problems that say what is allowed. */
final class SchemaErrors {

  private SchemaErrors() {}

  static Problem toProblem(String file, Error error, String path) {
    JsonNode rule = error.getSchemaNode();
    JsonNode value = error.getInstanceNode();
    String keyword = error.getKeyword() == null ? "" : error.getKeyword();
    return switch (keyword) {
      case "required" ->
          Problem.error(
              file,
              FieldPath.key(path, error.getProperty()),
              "required field is missing",
              "add " + error.getProperty());
      case "additionalProperties" ->
          Problem.error(
              file,
              FieldPath.key(path, error.getProperty()),
              "unknown field " + quote(error.getProperty()),
              "remove it or check its spelling");
      case "type" ->
          Problem.error(
              file,
              path,
              "expected " + article(rule.asText()) + ", found " + describe(value),
              typeHint(rule.asText(), value));
      case "enum" ->
          Problem.error(file, path, "unknown value " + show(value), "allowed: " + join(rule));
      case "pattern" ->
          Problem.error(
              file, path, show(value) + " is not allowed here", PatternHints.hint(rule.asText()));
      case "minimum" ->
          Problem.error(file, path, show(value) + " is too small", "at least " + number(rule));
      case "maximum" ->
          Problem.error(file, path, show(value) + " is too large", "at most " + number(rule));
      case "minLength" ->
          Problem.error(
              file,
              path,
              rule.asInt() == 1 ? "must not be empty" : "too short",
              "at least " + rule.asInt() + " characters");
      case "maxLength" ->
          Problem.error(
              file,
              path,
              "too long ("
                  + value.asText().codePointCount(0, value.asText().length())
                  + " characters)",
              "at most " + rule.asInt() + " characters");
      case "minItems" ->
          Problem.error(
              file, path, "too few items (" + value.size() + ")", "at least " + rule.asInt());
      case "maxItems" ->
          Problem.error(
              file, path, "too many items (" + value.size() + ")", "at most " + rule.asInt());
      default -> Problem.error(file, path, error.getMessage(), "");
    };
  }

  /**
   * YAML reads {@code 3} and {@code true} as a number and a boolean; strings that look like them
   * need quotes.
   */
  private static String typeHint(String expected, JsonNode value) {
    if ("string".equals(expected) && value != null && (value.isNumber() || value.isBoolean())) {
      return "quote it: \"" + value + "\"";
    }
    return "";
  }

  private static String article(String type) {
    return switch (type) {
      case "object" -> "an object (a map of fields)";
      case "array" -> "a list";
      case "integer" -> "an integer";
      default -> "a " + type;
    };
  }

  private static String describe(JsonNode value) {
    if (value == null || value.isNull()) {
      return "nothing (null)";
    }
    if (value.isObject()) {
      return "an object";
    }
    if (value.isArray()) {
      return "a list";
    }
    if (value.isTextual()) {
      return "the string " + show(value);
    }
    if (value.isIntegralNumber()) {
      return "the integer " + value;
    }
    if (value.isNumber()) {
      return "the number " + value;
    }
    return value.isBoolean() ? "the boolean " + value : value.toString();
  }

  private static String show(JsonNode value) {
    if (value == null) {
      return "the value";
    }
    String text = value.isTextual() ? quote(value.asText()) : value.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }

  private static String number(JsonNode rule) {
    double d = rule.asDouble();
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private static String join(JsonNode values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(v.isTextual() ? v.asText() : v.toString()));
    return String.join(", ", out);
  }

  static String quote(String text) {
    return "\"" + text + "\"";
  }
}
