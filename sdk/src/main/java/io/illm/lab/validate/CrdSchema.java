package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The structural schema of one of our CRDs, compiled once, checking a document's tree.
 *
 * <p>The schema is the generated CRD's {@code openAPIV3Schema}, made strict: an object schema with
 * {@code properties} and without {@code x-kubernetes-preserve-unknown-fields} gets {@code
 * additionalProperties: false}, so a misspelt field is an error instead of being dropped by the API
 * server. {@code apiVersion}, {@code kind} and {@code metadata} are checked elsewhere and accepted
 * here as they are.
 *
 * <p>{@link #of} compiles any other CRD's schema the same way (the operator checks the objects it
 * creates against upstream CRDs with it).
 */
public final class CrdSchema {

  private static final Map<String, CrdSchema> BY_PLURAL = new ConcurrentHashMap<>();
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

  private final Schema schema;

  private CrdSchema(Schema schema) {
    this.schema = schema;
  }

  /** The schema of {@code <plural>.experiments.illm.io}, loaded from the classpath once. */
  static CrdSchema forPlural(String plural) {
    return BY_PLURAL.computeIfAbsent(plural, CrdSchema::load);
  }

  /**
   * The strict schema of an {@code openAPIV3Schema} (a CRD version's {@code
   * schema.openAPIV3Schema}), accepting any {@code apiVersion}, {@code kind} and {@code metadata}.
   */
  public static CrdSchema of(JsonNode openApiV3Schema) {
    return new CrdSchema(REGISTRY.getSchema(strict(openApiV3Schema)));
  }

  /**
   * The strict schema of one of our CRDs, without the constraints the rules check themselves
   * ({@link RuleOwnedConstraints}).
   */
  static ObjectNode ours(String plural, JsonNode openApiV3Schema) {
    ObjectNode schema = strict(openApiV3Schema);
    RuleOwnedConstraints.remove(
        schema, RuleOwnedConstraints.BY_PLURAL.getOrDefault(plural, List.of()));
    return schema;
  }

  /** Every structural problem of the document, with paths in our style. */
  public List<Problem> check(String file, JsonNode document) {
    List<Problem> problems = new ArrayList<>();
    for (Error error : schema.validate(withoutNonFiniteNumbers(document))) {
      problems.add(SchemaErrors.toProblem(file, error, path(error.getInstanceLocation())));
    }
    return problems;
  }

  /**
   * NaN and the infinities are reported by {@link YamlSafeStrings}; the library cannot compare them
   * with a bound (it throws), so the schema sees the document without them.
   */
  private static JsonNode withoutNonFiniteNumbers(JsonNode document) {
    if (!hasNonFinite(document)) {
      return document;
    }
    JsonNode copy = document.deepCopy();
    dropNonFinite(copy);
    return copy;
  }

  private static boolean hasNonFinite(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return !Double.isFinite(node.doubleValue());
    }
    for (JsonNode child : node) {
      if (hasNonFinite(child)) {
        return true;
      }
    }
    return false;
  }

  private static void dropNonFinite(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> drop = new ArrayList<>();
      object
          .properties()
          .forEach(
              field -> {
                if (field.getValue().isFloatingPointNumber()
                    && !Double.isFinite(field.getValue().doubleValue())) {
                  drop.add(field.getKey());
                } else {
                  dropNonFinite(field.getValue());
                }
              });
      object.remove(drop);
    } else if (node.isArray()) {
      node.forEach(CrdSchema::dropNonFinite);
    }
  }

  private static CrdSchema load(String plural) {
    String resource = "META-INF/fabric8/" + plural + ".experiments.illm.io-v1.yml";
    try (InputStream in = CrdSchema.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the generated CRD " + resource + " is not on the classpath");
      }
      JsonNode crd =
          LabYaml.reader().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      JsonNode openApi =
          crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
      return new CrdSchema(REGISTRY.getSchema(ours(plural, openApi)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ObjectNode strict(JsonNode openApi) {
    ObjectNode strict = openApi.deepCopy();
    ObjectNode properties = strict.withObjectProperty("properties");
    properties.putObject("apiVersion").put("type", "string");
    properties.putObject("kind").put("type", "string");
    properties.putObject("metadata").put("type", "object");
    makeStrict(strict);
    return strict;
  }

  /** Closes every object schema that lists its properties; drops what only the API server reads. */
  private static void makeStrict(JsonNode node) {
    if (node instanceof ObjectNode object) {
      // Only the annotations: a property may itself be called "description".
      if (object.path("description").isTextual()) {
        object.remove("description");
      }
      if (object.path("x-kubernetes-validations").isArray()) {
        object.remove("x-kubernetes-validations");
      }
      if (object.has("properties")
          && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
        object.put("additionalProperties", false);
      }
      object.forEach(CrdSchema::makeStrict);
    } else if (node.isArray()) {
      node.forEach(CrdSchema::makeStrict);
    }
  }

  private static String path(NodePath location) {
    String path = "";
    for (int i = 0; i < location.getNameCount(); i++) {
      Object element = location.getElement(i);
      path =
          element instanceof Integer index
              ? FieldPath.index(path, index)
              : FieldPath.key(path, String.valueOf(element));
    }
    return path;
  }

  /** Joins values for hints: {@code a, b, c}. */
  static String list(Iterable<?> values) {
    List<String> out = new ArrayList<>();
    values.forEach(v -> out.add(String.valueOf(v)));
    return out.stream().collect(Collectors.joining(", "));
  }
}
