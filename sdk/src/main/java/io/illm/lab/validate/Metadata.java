package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks what the CRD schema leaves to the API server: {@code apiVersion}, {@code kind} and the
 * {@code metadata} rules of Kubernetes (names, namespace, label and annotation syntax).
 */
final class Metadata {

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

  /** Fields a committed manifest may carry; the rest are written by the API server. */
  private static final Set<String> AUTHORED =
      Set.of(
          "name",
          "namespace",
          "labels",
          "annotations",
          "generateName",
          "finalizers",
          "ownerReferences");

  private static final Set<String> SERVER_SET =
      Set.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "selfLink");

  private Metadata() {}

  /** apiVersion and kind; false when the document is not the kind expected. */
  static List<Problem> checkHeader(String file, JsonNode document, String kind) {
    List<Problem> problems = new ArrayList<>();
    String apiVersion = document.path("apiVersion").asText("");
    if (!Experiment.API_VERSION.equals(apiVersion)) {
      problems.add(
          Problem.error(
              file,
              "apiVersion",
              apiVersion.isEmpty()
                  ? "apiVersion is missing"
                  : "unexpected apiVersion " + SchemaErrors.quote(apiVersion),
              "use " + Experiment.API_VERSION));
    }
    String found = document.path("kind").asText("");
    if (!kind.equals(found)) {
      problems.add(
          Problem.error(
              file,
              "kind",
              found.isEmpty()
                  ? "kind is missing"
                  : "expected kind " + kind + ", found " + SchemaErrors.quote(found),
              "use kind: " + kind));
    }
    return problems;
  }

  /**
   * metadata of an object of {@code kind}. An Experiment's name becomes a namespace and a label
   * value, so it is a DNS-1123 label; a Component's is a DNS-1123 subdomain.
   */
  static List<Problem> checkMetadata(String file, JsonNode metadata, String kind) {
    List<Problem> problems = new ArrayList<>();
    if (!metadata.isObject()) {
      problems.add(
          Problem.error(
              file,
              "metadata",
              metadata.isMissingNode() || metadata.isNull()
                  ? "metadata is missing"
                  : "expected an object",
              "add metadata.name"));
      return problems;
    }
    checkFields(file, metadata, problems);
    JsonNode name = metadata.path("name");
    if (!name.isTextual() || name.asText().isEmpty()) {
      problems.add(Problem.error(file, "metadata.name", "name is missing", "add metadata.name"));
    } else if (Experiment.KIND.equals(kind)) {
      checkExperimentName(file, name.asText(), problems);
    } else if (!isSubdomain(name.asText())) {
      problems.add(
          Problem.error(
              file,
              "metadata.name",
              "invalid name " + SchemaErrors.quote(name.asText()),
              "a DNS-1123 subdomain: lowercase letters, digits, '-' and '.', at most 253 characters"));
    } else if (name.asText().length() > 63 || !DNS_LABEL.matcher(name.asText()).matches()) {
      problems.add(
          Problem.warning(
              file,
              "metadata.name",
              "experiments cannot reference this component:"
                  + " references (app, workflow, config) are DNS-1123 labels",
              "use lowercase letters, digits and '-' only"));
    }
    JsonNode namespace = metadata.path("namespace");
    if (!namespace.isMissingNode()) {
      checkLabelName(
          file, "metadata.namespace", namespace.asText(""), "a namespace name", problems);
      if (!Experiment.KIND.equals(kind)) {
        problems.add(
            Problem.warning(
                file,
                "metadata.namespace",
                kind + " is cluster-scoped; the namespace is ignored",
                "remove metadata.namespace"));
      }
    }
    checkLabels(file, metadata.path("labels"), problems);
    checkAnnotations(file, metadata.path("annotations"), problems);
    return problems;
  }

  private static void checkFields(String file, JsonNode metadata, List<Problem> problems) {
    Iterator<String> names = metadata.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      String path = FieldPath.key("metadata", field);
      if (SERVER_SET.contains(field)) {
        problems.add(
            Problem.error(
                file, path, "field is set by the API server", "remove it from the manifest"));
      } else if (!AUTHORED.contains(field)) {
        problems.add(
            Problem.error(
                file,
                path,
                "unknown field " + SchemaErrors.quote(field),
                "metadata takes name, namespace, labels and annotations"));
      }
    }
  }

  /** Twin of the Experiment's CEL rule {@link Experiment#NAME_RULE}. */
  private static void checkExperimentName(String file, String value, List<Problem> problems) {
    if (value.length() > 63) {
      problems.add(
          Problem.error(
              file,
              "metadata.name",
              Experiment.NAME_RULE + "; this one is too long (" + value.length() + " characters)",
              "shorten it to at most 63 characters"));
    } else if (!DNS_LABEL.matcher(value).matches()) {
      problems.add(
          Problem.error(
              file,
              "metadata.name",
              Experiment.NAME_RULE + "; invalid name " + SchemaErrors.quote(value),
              "lowercase letters, digits and '-', starting and ending with a letter or digit"));
    }
  }

  private static void checkLabelName(
      String file, String path, String value, String why, List<Problem> problems) {
    if (value.length() > 63) {
      problems.add(
          Problem.error(
              file,
              path,
              "too long (" + value.length() + " characters)",
              why + ": at most 63 characters"));
    } else if (!DNS_LABEL.matcher(value).matches()) {
      problems.add(
          Problem.error(
              file,
              path,
              "invalid name " + SchemaErrors.quote(value),
              why
                  + ": lowercase letters, digits and '-', starting and ending with a letter or digit"));
    }
  }

  static boolean isSubdomain(String value) {
    return value.length() <= 253 && DNS_SUBDOMAIN.matcher(value).matches();
  }

  private static void checkLabels(String file, JsonNode labels, List<Problem> problems) {
    if (labels.isMissingNode()) {
      return;
    }
    if (!labels.isObject()) {
      problems.add(Problem.error(file, "metadata.labels", "expected a map of strings", ""));
      return;
    }
    for (Map.Entry<String, JsonNode> label : labels.properties()) {
      String path = FieldPath.key("metadata.labels", label.getKey());
      checkKey(file, path, label.getKey(), problems);
      String value = label.getValue().isValueNode() ? label.getValue().asText() : null;
      if (value == null || !label.getValue().isTextual()) {
        problems.add(Problem.error(file, path, "label value must be a string", "quote it"));
      } else if (value.length() > 63
          || !(value.isEmpty() || QUALIFIED_NAME.matcher(value).matches())) {
        problems.add(
            Problem.error(
                file,
                path,
                "invalid label value " + SchemaErrors.quote(value),
                "at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit"));
      }
    }
  }

  private static void checkAnnotations(String file, JsonNode annotations, List<Problem> problems) {
    if (annotations.isMissingNode()) {
      return;
    }
    if (!annotations.isObject()) {
      problems.add(Problem.error(file, "metadata.annotations", "expected a map of strings", ""));
      return;
    }
    int bytes = 0;
    for (Map.Entry<String, JsonNode> annotation : annotations.properties()) {
      String path = FieldPath.key("metadata.annotations", annotation.getKey());
      checkKey(file, path, annotation.getKey(), problems);
      if (!annotation.getValue().isTextual()) {
        problems.add(Problem.error(file, path, "annotation value must be a string", "quote it"));
      } else {
        bytes += annotation.getKey().length() + annotation.getValue().asText().length();
      }
    }
    if (bytes > MAX_ANNOTATIONS_BYTES) {
      problems.add(
          Problem.error(
              file,
              "metadata.annotations",
              "annotations too large (" + bytes + " bytes)",
              "at most 256 KiB in total"));
    }
  }

  /** A label or annotation key: an optional DNS subdomain prefix and '/', then a qualified name. */
  private static void checkKey(String file, String path, String key, List<Problem> problems) {
    int slash = key.lastIndexOf('/');
    String prefix = slash < 0 ? null : key.substring(0, slash);
    String name = slash < 0 ? key : key.substring(slash + 1);
    boolean prefixOk = prefix == null || isSubdomain(prefix);
    boolean nameOk = name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
    if (!prefixOk || !nameOk) {
      problems.add(
          Problem.error(
              file,
              path,
              "invalid key " + SchemaErrors.quote(key),
              "an optional DNS subdomain prefix and '/', then at most 63 letters, digits, '-', '_' and '.',"
                  + " starting and ending with a letter or digit"));
    }
  }
}
