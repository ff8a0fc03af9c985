package io.illm.lab.importer;

import static io.illm.lab.importer.Shape.ANY;
import static io.illm.lab.importer.Shape.listOf;
import static io.illm.lab.importer.Shape.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Findings;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Rewrites an Experiment of the original Go operator's v1alpha1 into this project's API, in place,
 * reporting by path every field that cannot be carried over and why.
 */
final class OriginalExperiment {

  private static final Shape CLUSTER =
      object(
          "type",
          ANY,
          "zone",
          ANY,
          "nodeCount",
          ANY,
          "machineType",
          ANY,
          "diskSizeGb",
          ANY,
          "preemptible",
          ANY);
  private static final Shape TARGET =
      object(
          "name", ANY,
          "cluster", CLUSTER,
          "components", listOf(object("app", ANY, "workflow", ANY, "config", ANY, "params", ANY)),
          "observability", object("enabled", ANY, "transport", ANY, "tenant", ANY),
          "depends", ANY);
  private static final Shape SPEC =
      object(
          "title",
          ANY,
          "description",
          ANY,
          "tags",
          ANY,
          "publish",
          ANY,
          "targets",
          listOf(TARGET),
          "workflow",
          object("template", ANY, "completion", object("mode", ANY), "params", ANY),
          "metrics",
          listOf(
              object(
                  "name",
                  ANY,
                  "query",
                  ANY,
                  "type",
                  ANY,
                  "unit",
                  ANY,
                  "description",
                  ANY,
                  "group",
                  ANY)),
          "hypothesis",
          object(
              "claim",
              ANY,
              "questions",
              ANY,
              "focus",
              ANY,
              "successCriteria",
              listOf(object("metric", ANY, "operator", ANY, "value", ANY, "description", ANY))),
          "qualityGate",
          object(
              "enabled",
              ANY,
              "maxIterations",
              ANY,
              "minDataCoverage",
              ANY,
              "recollectDelaySeconds",
              ANY),
          "tutorial",
          object(
              "path",
              ANY,
              "exposeKubeconfig",
              ANY,
              "services",
              listOf(
                  object(
                      "name", ANY, "target", ANY, "service", ANY, "namespace", ANY, "port", ANY))),
          "analyzerConfig",
          ANY,
          "codeSnippets",
          ANY,
          "series",
          ANY,
          "ttlDays",
          ANY);
  static final Shape DOCUMENT =
      object("apiVersion", ANY, "kind", ANY, "metadata", ANY, "spec", SPEC, "status", ANY);

  /** Fields the original had and this API dropped, with why; each is reported once, as a whole. */
  private static final List<String[]> NOT_CARRIED =
      List.of(
          new String[] {
            "analyzerConfig",
            "the AI analyzer of the original is not part of this lab",
            "results are judged by spec.hypothesis.successCriteria"
          },
          new String[] {
            "codeSnippets",
            "the original operator never fetched code snippets",
            "link the code from spec.description"
          },
          new String[] {
            "series",
            "the original operator stored series but never used it",
            "group related experiments with spec.tags"
          },
          new String[] {
            "ttlDays",
            "the original operator no longer enforced ttlDays",
            "replaced by spec.cleanup (what happens at the end) and spec.deadlines (how long each phase may take)"
          });

  /** The port assumed for a tutorial service without one (the original opened its first port). */
  static final int TUTORIAL_PORT = 80;

  private static final List<String> MACHINE_SHAPE =
      List.of("preemptible", "zone", "machineType", "nodeCount", "diskSizeGb");

  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private OriginalExperiment() {}

  /** True when the document has something only the original API had. */
  static boolean recognises(JsonNode document) {
    JsonNode spec = document.path("spec");
    if (spec.path("metrics").isArray() || spec.path("qualityGate").has("recollectDelaySeconds")) {
      return true;
    }
    for (String[] field : NOT_CARRIED) {
      if (spec.has(field[0])) {
        return true;
      }
    }
    if (spec.path("tutorial").has("path")) {
      return true;
    }
    for (JsonNode service : spec.path("tutorial").path("services")) {
      if (!service.has("port")) {
        return true;
      }
    }
    for (JsonNode target : spec.path("targets")) {
      if (target.path("cluster").has("type") || target.path("observability").has("tenant")) {
        return true;
      }
    }
    for (JsonNode criterion : spec.path("hypothesis").path("successCriteria")) {
      if (criterion.path("value").isTextual()) {
        return true;
      }
    }
    return false;
  }

  /** Rewrites {@code document} into this API; what cannot be carried is removed and reported. */
  static void rewrite(ObjectNode document, Findings findings) {
    Documents.dropStatus(document, findings);
    DOCUMENT.prune(document, "", findings);
    Documents.metadata(document, findings);
    if (!(document.get("spec") instanceof ObjectNode spec)) {
      return;
    }
    for (String[] field : NOT_CARRIED) {
      if (spec.has(field[0])) {
        spec.remove(field[0]);
        findings.warn(FieldPath.key("spec", field[0]), "not carried over: " + field[1], field[2]);
      }
    }
    JsonNode targets = spec.path("targets");
    for (int i = 0; i < targets.size(); i++) {
      target(targets.get(i), FieldPath.index("spec.targets", i), findings);
    }
    if (spec.get("metrics") != null && spec.get("metrics").isArray()) {
      ObjectNode metrics = JsonNodeFactory.instance.objectNode();
      metrics.set("queries", spec.get("metrics"));
      spec.set("metrics", metrics);
    }
    criteria(spec.path("hypothesis").path("successCriteria"), findings);
    if (spec.get("qualityGate") instanceof ObjectNode gate) {
      qualityGate(gate, findings);
    }
    if (spec.get("tutorial") instanceof ObjectNode tutorial) {
      tutorial(tutorial, findings);
    }
  }

  /**
   * The tutorial block maps field for field, except its TUI file ({@code path}, which the original
   * operator never read) and a missing port (the original opened the Service's first port, which
   * only the cluster knows): {@value #TUTORIAL_PORT} is written instead, with a warning.
   */
  private static void tutorial(ObjectNode tutorial, Findings findings) {
    if (tutorial.remove("path") != null) {
      findings.warn(
          "spec.tutorial.path",
          "not carried over: the tutorial file was read by the original's terminal UI only",
          "keep the tutorial's steps in the experiment's docs");
    }
    JsonNode services = tutorial.path("services");
    for (int i = 0; i < services.size(); i++) {
      if (services.get(i) instanceof ObjectNode service && !service.has("port")) {
        service.put("port", TUTORIAL_PORT);
        findings.warn(
            FieldPath.index("spec.tutorial.services", i) + ".port",
            "port "
                + TUTORIAL_PORT
                + " assumed: the original opened the Service's first port, which only the cluster"
                + " knows",
            "check the Service's port (kubectl get service "
                + service.path("service").asText()
                + ") and set it");
      }
    }
  }

  private static void target(JsonNode target, String path, Findings findings) {
    if (target.get("cluster") instanceof ObjectNode cluster && cluster.has("type")) {
      cluster.set("provider", cluster.remove("type"));
      if ("hub".equals(cluster.path("provider").asText())) {
        for (String field : MACHINE_SHAPE) {
          if (cluster.has(field)) {
            cluster.remove(field);
            findings.warn(
                FieldPath.key(path + ".cluster", field),
                "not carried over: a hub target uses the hub cluster as it is, so "
                    + field
                    + " has no effect",
                "use a gke target to choose the machine shape");
          }
        }
      }
    }
    if (target.get("observability") instanceof ObjectNode observability
        && observability.has("tenant")) {
      observability.remove("tenant");
      findings.warn(
          FieldPath.key(FieldPath.key(path, "observability"), "tenant"),
          "not carried over: tenant was unused since the original switched from Mimir to VictoriaMetrics",
          "series are labelled with the experiment name instead");
    }
  }

  private static void criteria(JsonNode criteria, Findings findings) {
    for (int i = 0; i < criteria.size(); i++) {
      if (criteria.get(i) instanceof ObjectNode criterion
          && criterion.get("value") instanceof TextNode text) {
        String path = FieldPath.index("spec.hypothesis.successCriteria", i) + ".value";
        String value = text.asText().trim();
        if (NUMBER.matcher(value).matches()) {
          criterion.set("value", DoubleNode.valueOf(Double.parseDouble(value)));
        } else {
          criterion.remove("value");
          findings.error(
              path,
              "\"" + text.asText() + "\" is not a number",
              "write the threshold as a plain number in the metric's unit, e.g. 0.5 or 250");
        }
      }
    }
  }

  private static void qualityGate(ObjectNode gate, Findings findings) {
    JsonNode seconds = gate.remove("recollectDelaySeconds");
    if (seconds == null) {
      return;
    }
    String text = seconds.asText().trim();
    if (seconds.isContainerNode() || !text.matches("\\d{1,9}")) {
      findings.error(
          "spec.qualityGate.recollectDelaySeconds",
          "\"" + text + "\" is not a whole number of seconds",
          "write e.g. 120, or qualityGate.recollectDelay: 2m");
      return;
    }
    gate.set("recollectDelay", TextNode.valueOf(duration(new BigInteger(text).longValueExact())));
  }

  /** Seconds as the API writes durations: 120 is 2m, 5400 is 1h30m, 0 is 0s. */
  static String duration(long seconds) {
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    StringBuilder out = new StringBuilder();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (minutes > 0) {
      out.append(minutes).append('m');
    }
    if (rest > 0 || out.length() == 0) {
      out.append(rest).append('s');
    }
    return out.toString();
  }
}
