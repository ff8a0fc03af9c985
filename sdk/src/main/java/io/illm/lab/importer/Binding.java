package io.illm.lab.importer;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Binds a tree to a model class strictly (unknown fields and wrong types are errors) and turns
 * every binding failure into a problem with its field path. Jackson stops at the first failure, so
 * the offending node is removed and binding retried, to report all of them at once.
 */
final class Binding {

  /** Enough for any real document; a bound on retries whatever the input. */
  private static final int MAX_PROBLEMS = 100;

  private Binding() {}

  /** The bound object, or empty when there were errors (all reported to {@code findings}). */
  static <T> Optional<T> bind(JsonNode document, Class<T> type, Findings findings) {
    JsonNode tree = document.deepCopy();
    boolean failed = false;
    for (int attempt = 0; attempt < MAX_PROBLEMS; attempt++) {
      try {
        T value = LabYaml.convert(tree, type);
        return failed ? Optional.empty() : Optional.of(value);
      } catch (JsonMappingException e) {
        failed = true;
        List<JsonMappingException.Reference> where = e.getPath();
        findings.error(path(where), message(e), hint(e));
        if (!remove(tree, where)) {
          return Optional.empty();
        }
      } catch (IOException e) {
        findings.error("", "cannot read: " + firstLine(e.getMessage()), "");
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static String path(List<JsonMappingException.Reference> where) {
    String path = "";
    for (JsonMappingException.Reference reference : where) {
      path =
          reference.getFieldName() != null
              ? FieldPath.key(path, reference.getFieldName())
              : FieldPath.index(path, reference.getIndex());
    }
    return path;
  }

  private static boolean remove(JsonNode tree, List<JsonMappingException.Reference> where) {
    if (where.isEmpty()) {
      return false;
    }
    JsonNode parent = tree;
    for (JsonMappingException.Reference reference : where.subList(0, where.size() - 1)) {
      parent =
          reference.getFieldName() != null
              ? parent.get(reference.getFieldName())
              : parent.get(reference.getIndex());
      if (parent == null) {
        return false;
      }
    }
    JsonMappingException.Reference last = where.get(where.size() - 1);
    if (last.getFieldName() != null
        && parent instanceof ObjectNode object
        && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    if (last.getFieldName() == null
        && parent instanceof ArrayNode array
        && last.getIndex() < array.size()) {
      array.remove(last.getIndex());
      return true;
    }
    return false;
  }

  private static String message(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field " + unknown.getPropertyName();
    }
    if (e instanceof InvalidFormatException invalid) {
      return "\"" + invalid.getValue() + "\" is not " + describe(invalid.getTargetType());
    }
    if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
      return "wrong type: expected " + describe(mismatched.getTargetType());
    }
    return firstLine(e.getOriginalMessage());
  }

  private static String hint(JsonMappingException e) {
    if (e instanceof UnrecognizedPropertyException unknown
        && unknown.getKnownPropertyIds() != null) {
      return "known fields: "
          + unknown.getKnownPropertyIds().stream()
              .map(String::valueOf)
              .collect(Collectors.toCollection(TreeSet::new))
              .stream()
              .collect(Collectors.joining(", "));
    }
    if (!(e instanceof InvalidFormatException)
        && e instanceof MismatchedInputException mismatched
        && mismatched.getTargetType() != null
        && mismatched.getTargetType().isEnum()) {
      return "one of "
          + Arrays.stream(mismatched.getTargetType().getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    return "";
  }

  private static String describe(Class<?> type) {
    if (type.isEnum()) {
      return "one of "
          + Arrays.stream(type.getEnumConstants())
              .map(String::valueOf)
              .collect(Collectors.joining(", "));
    }
    if (type == String.class) {
      return "a string";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (Collection.class.isAssignableFrom(type)) {
      return "a list";
    }
    if (Map.class.isAssignableFrom(type)) {
      return "a map";
    }
    return "an object (" + type.getSimpleName() + ")";
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "invalid";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
