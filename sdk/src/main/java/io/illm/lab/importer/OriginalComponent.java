package io.illm.lab.importer;

import static io.illm.lab.importer.Shape.ANY;
import static io.illm.lab.importer.Shape.listOf;
import static io.illm.lab.importer.Shape.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.illm.lab.model.Category;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Rewrites a Component of the original Go operator's v1alpha1 into this project's API, in place:
 * adds the category this API requires and makes the values-file reference explicit.
 */
final class OriginalComponent {

  private static final Shape SOURCE =
      object(
          "repoURL",
          ANY,
          "targetRevision",
          ANY,
          "path",
          ANY,
          "chart",
          ANY,
          "helm",
          object(
              "releaseName",
              ANY,
              "valuesFiles",
              ANY,
              "parameters",
              listOf(object("name", ANY, "value", ANY, "forceString", ANY))));
  private static final Shape SPEC =
      object(
          "description",
          ANY,
          "type",
          ANY,
          "sources",
          listOf(SOURCE),
          "parameters",
          listOf(
              object(
                  "name", ANY, "type", ANY, "default", ANY, "required", ANY, "description", ANY)),
          "observability",
          object(
              "serviceMonitor",
              ANY,
              "podMonitor",
              ANY,
              "podLabels",
              ANY,
              "metricsPath",
              ANY,
              "metricsPort",
              ANY));
  static final Shape DOCUMENT =
      object("apiVersion", ANY, "kind", ANY, "metadata", ANY, "spec", SPEC, "status", ANY);

  /** The ref name the original gave, implicitly, to the Git source holding values files. */
  private static final String VALUES_REF = "values";

  private OriginalComponent() {}

  /** True when the document has no category: this API requires one, the original had none. */
  static boolean recognises(JsonNode document) {
    return !document.path("spec").has("category");
  }

  /**
   * Rewrites {@code document} into this API.
   *
   * @param category the category given on the command line or derived from the file path, or null
   *     to derive it from the original type
   */
  static void rewrite(ObjectNode document, Category category, Findings findings) {
    Documents.dropStatus(document, findings);
    DOCUMENT.prune(document, "", findings);
    Documents.metadata(document, findings);
    if (!(document.get("spec") instanceof ObjectNode spec)) {
      return;
    }
    String type = spec.path("type").asText("");
    Category chosen = category != null ? category : fromType(type, findings);
    if (chosen != null) {
      spec.set("category", TextNode.valueOf(chosen.value()));
    }
    if ("testing".equals(type)) {
      spec.set("type", TextNode.valueOf("app"));
      findings.warn(
          "spec.type",
          "type testing (which the original CRD rejected) becomes type app, category "
              + chosen.value(),
          "");
    }
    valuesReference(spec.path("sources"), findings);
  }

  /**
   * {@code components/<category>/<name>/component.yaml}, or the corpus's {@code
   * <category>--<name>.yaml}.
   */
  static Optional<Category> fromPath(String file) {
    Path path;
    try {
      path = Path.of(file);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    Path name = path.getFileName();
    if (name != null && name.toString().contains("--")) {
      Category category =
          Category.fromValue(name.toString().substring(0, name.toString().indexOf("--")));
      if (category != null) {
        return Optional.of(category);
      }
    }
    Path parent = path.getParent();
    for (int up = 0; up < 2 && parent != null && parent.getFileName() != null; up++) {
      Category category = Category.fromValue(parent.getFileName().toString());
      if (category != null) {
        return Optional.of(category);
      }
      parent = parent.getParent();
    }
    return Optional.empty();
  }

  private static Category fromType(String type, Findings findings) {
    Category category =
        switch (type) {
          case "app" -> Category.APPS;
          case "workflow" -> Category.WORKFLOWS;
          case "testing" -> Category.TESTING;
          default -> null;
        };
    if (category == null) {
      findings.error(
          "spec.category",
          "no category: neither the file path nor type "
              + (type.isEmpty() ? "(none)" : type)
              + " tells which of "
              + categories()
              + " it is",
          "pass --category");
    } else if (!"testing".equals(type)) {
      findings.warn(
          "spec.category",
          "category " + category.value() + " derived from type " + type,
          "pass --category, or put the file under components/<category>/, to choose another");
    }
    return category;
  }

  /**
   * The original treated a Git source without a helm block, next to a source with {@code $values/}
   * files, as the values reference (and ignored its path); this API says so explicitly.
   */
  private static void valuesReference(JsonNode sources, Findings findings) {
    boolean needsRef = false;
    for (JsonNode source : sources) {
      for (JsonNode file : source.path("helm").path("valuesFiles")) {
        needsRef |= file.asText().startsWith("$" + VALUES_REF + "/");
      }
    }
    if (!needsRef) {
      return;
    }
    boolean found = false;
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) instanceof ObjectNode source
          && !source.has("helm")
          && !source.has("chart")
          && !source.has("ref")) {
        found = true;
        String path = FieldPath.index("spec.sources", i);
        source.set("ref", TextNode.valueOf(VALUES_REF));
        findings.warn(
            FieldPath.key(path, "ref"),
            "set ref: values explicitly; the original inferred it for the"
                + " Git source without a helm block next to $values/ files",
            "");
        if (source.has("path")) {
          findings.warn(
              FieldPath.key(path, "path"),
              "not carried over: the original used this source only for"
                  + " values files and ignored its path "
                  + source.remove("path").asText(),
              "the values files name their own path after $values/");
        }
      }
    }
    if (!found) {
      findings.warn(
          "spec.sources",
          "valuesFiles start with $values/ but no source can be the values reference",
          "add the Git source that holds the files, with ref: values");
    }
  }

  private static String categories() {
    StringBuilder out = new StringBuilder();
    for (Category category : Category.values()) {
      out.append(out.length() == 0 ? "" : ", ").append(category.value());
    }
    return out.toString();
  }
}
