package io.illm.lab.validate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds a document to the model despite its structural problems, so that the rules still run on
 * everything else: unknown fields are ignored, and a value that cannot be bound (a string where a
 * list belongs, a number where a string belongs) is dropped and the binding retried. The schema has
 * already reported both; the rules must not report a dropped field again as missing, so the paths
 * of the dropped values are kept.
 */
final class LenientBinding {

  private static final int MAX_ATTEMPTS = 50;

  /** The reader's mapper, but a scalar is never read as a string: the schema says it is wrong. */
  private static final ObjectMapper MAPPER = strictStrings();

  /**
   * A bound value and the paths of the values dropped to bind it.
   *
   * @param unread paths such as {@code spec.targets[0].name}
   */
  record Bound<T>(T value, Set<String> unread) {}

  private LenientBinding() {}

  /** The document bound to {@code type}, or empty when it cannot be, even without bad values. */
  static <T> Optional<Bound<T>> bind(JsonNode document, Class<T> type) {
    if (!document.isObject()) {
      return Optional.empty();
    }
    ObjectReader reader =
        MAPPER.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    JsonNode pruned = document.deepCopy();
    Set<String> unread = new TreeSet<>();
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      try {
        T value = reader.readValue(pruned);
        return value == null ? Optional.empty() : Optional.of(new Bound<>(value, unread));
      } catch (JsonMappingException e) {
        if (!prune(pruned, e.getPath())) {
          break;
        }
        unread.add(path(e.getPath()));
      } catch (IOException | IllegalArgumentException e) {
        break;
      }
    }
    return Optional.empty();
  }

  private static ObjectMapper strictStrings() {
    ObjectMapper mapper = LabYaml.reader().copy();
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  private static String path(List<JsonMappingException.Reference> references) {
    String path = "";
    for (JsonMappingException.Reference ref : references) {
      path =
          ref.getFieldName() != null
              ? FieldPath.key(path, ref.getFieldName())
              : FieldPath.index(path, ref.getIndex());
    }
    return path;
  }

  private static boolean prune(JsonNode root, List<JsonMappingException.Reference> path) {
    if (path.isEmpty()) {
      return false;
    }
    JsonNode parent = root;
    for (int i = 0; i < path.size() - 1; i++) {
      JsonMappingException.Reference ref = path.get(i);
      parent =
          ref.getFieldName() != null
              ? parent.path(ref.getFieldName())
              : parent.path(ref.getIndex());
    }
    JsonMappingException.Reference last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode object
        && last.getFieldName() != null
        && object.has(last.getFieldName())) {
      object.remove(last.getFieldName());
      return true;
    }
    if (parent instanceof ArrayNode array
        && last.getIndex() >= 0
        && last.getIndex() < array.size()) {
      array.remove(last.getIndex());
      return true;
    }
    return false;
  }
}
