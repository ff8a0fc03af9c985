package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.validate.ExperimentGenerators.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Single-field corruptions of a valid experiment's tree. Each knows which paths it can apply to and
 * the path validation must report: the field itself, or the closest enclosing path for cross-field
 * rules.
 */
final class Corruptions {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** One corruption: applies itself to the tree and returns the path the error must be at. */
  interface Corruption {
    Optional<String> apply(Experiment experiment, ObjectNode tree, Draw draw);
  }

  /** A named corruption. */
  record Named(String name, Corruption corruption) {}

  private Corruptions() {}

  static List<Named> all() {
    return List.of(
        new Named("wrong type", Corruptions::wrongType),
        new Named("bad enum value", Corruptions::badEnum),
        new Named("pattern violation", Corruptions::patternViolation),
        new Named("out-of-range number", Corruptions::outOfRange),
        new Named("unknown field", Corruptions::unknownField),
        new Named("removed required field", Corruptions::removeRequired),
        new Named(
            "dangling depends",
            (e, t, d) -> {
              int i = d.between(0, targets(e).size() - 1);
              return Optional.of(appendDepends(t, i, "ghost-target"));
            }),
        new Named(
            "self depends",
            (e, t, d) -> {
              int i = d.between(0, targets(e).size() - 1);
              return Optional.of(appendDepends(t, i, targets(e).get(i).getName()));
            }),
        new Named("depends cycle", Corruptions::dependsCycle),
        new Named(
            "criterion on an unknown metric",
            (e, t, d) -> criterion(e, t, d, "metric", "no_such_metric")),
        new Named(
            "criterion on an unknown target",
            (e, t, d) -> criterion(e, t, d, "target", "ghost-target")),
        new Named("duplicate target name", Corruptions::duplicateTargetName),
        new Named("duplicate metric name", Corruptions::duplicateMetricName),
        new Named("hub with a machine shape", Corruptions::hubShape),
        new Named("zone outside gke", Corruptions::zoneOutsideGke),
        new Named("zone and region", Corruptions::zoneAndRegion),
        new Named(
            "bad duration",
            (e, t, d) ->
                set(
                    t,
                    d.pick(
                        List.of(
                            "spec.deadlines.running",
                            "spec.deadlines.total",
                            "spec.qualityGate.recollectDelay")),
                    NODES.textNode(d.pick(List.of("1d", "5 minutes", "-1h", "1.5h"))))),
        new Named("deadline over total", Corruptions::deadlineOverTotal),
        new Named("retainFor with delete", Corruptions::retainForWithDelete),
        new Named("retainFor over a week", Corruptions::retainTooLong),
        new Named("bad string code point", Corruptions::badCodePoint),
        new Named(
            "two kinds in one component reference",
            (e, t, d) -> ref(e, t, d, "workflow", "k6-load")),
        new Named("unknown component", Corruptions::unknownComponent),
        new Named("params on a component without Helm", Corruptions::paramsWithoutHelm),
        new Named(
            "experiment name too long",
            (e, t, d) -> set(t, "metadata.name", NODES.textNode("e".repeat(64)))),
        new Named(
            "bad label key",
            (e, t, d) -> set(t, "metadata.labels['bad key!']", NODES.textNode("x"))));
  }

  private static Optional<String> set(ObjectNode tree, String path, JsonNode value) {
    TreePaths.set(tree, path, value);
    return Optional.of(path);
  }

  private static List<Target> targets(Experiment e) {
    return e.getSpec().getTargets();
  }

  private static String appendDepends(ObjectNode tree, int target, String name) {
    String path = "spec.targets[" + target + "].depends";
    JsonNode depends = TreePaths.get(tree, path);
    int index = depends.isArray() ? depends.size() : 0;
    TreePaths.set(tree, path + "[" + index + "]", NODES.textNode(name));
    return path + "[" + index + "]";
  }

  /** Leaves of the given kind anywhere under spec, with their paths. */
  private static List<String> leaves(
      JsonNode node, String path, List<String> into, java.util.function.Predicate<JsonNode> kind) {
    if (kind.test(node)) {
      into.add(path);
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        if (!field.getKey().equals("params") && !field.getKey().equals("labels")) {
          leaves(field.getValue(), FieldPath.key(path, field.getKey()), into, kind);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), FieldPath.index(path, i), into, kind);
      }
    }
    return into;
  }

  private static Optional<String> wrongType(Experiment e, ObjectNode tree, Draw draw) {
    List<String> candidates =
        leaves(tree.path("spec"), "spec", new ArrayList<>(), n -> n.isValueNode() || n.isArray());
    String path = draw.pick(candidates);
    JsonNode current = TreePaths.get(tree, path);
    JsonNode wrong =
        current.isTextual()
            ? NODES.objectNode().put("x", 1)
            : current.isArray()
                ? NODES.textNode("one")
                : NODES.textNode("not-a-" + current.getNodeType().name().toLowerCase());
    return set(tree, path, wrong);
  }

  private static Optional<String> badEnum(Experiment e, ObjectNode tree, Draw draw) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < targets(e).size(); i++) {
      paths.add("spec.targets[" + i + "].cluster.provider");
    }
    paths.add("spec.workflow.completion.mode");
    for (String field : List.of("type", "onEmpty", "operator", "action", "transport")) {
      leaves(
              tree.path("spec"),
              "spec",
              new ArrayList<>(),
              n -> n.isObject() && n.has(field) && n.get(field).isTextual())
          .forEach(p -> paths.add(p + "." + field));
    }
    paths.removeIf(p -> p.contains(".workflow.params") || p.contains("components"));
    return set(tree, draw.pick(paths), NODES.textNode("bogus"));
  }

  private static Optional<String> patternViolation(Experiment e, ObjectNode tree, Draw draw) {
    List<String[]> options = new ArrayList<>();
    for (int i = 0; i < targets(e).size(); i++) {
      options.add(new String[] {"spec.targets[" + i + "].name", "Bad_Name"});
    }
    options.add(new String[] {"spec.workflow.template", "Template!"});
    leaves(
            tree.path("spec"),
            "spec",
            new ArrayList<>(),
            n -> n.isObject() && n.has("query") && n.has("name"))
        .forEach(p -> options.add(new String[] {p + ".name", "9lives"}));
    for (String field : List.of("zone", "machineType", "region", "kubernetesVersion")) {
      leaves(tree.path("spec"), "spec", new ArrayList<>(), n -> n.isObject() && n.has(field))
          .forEach(p -> options.add(new String[] {p + "." + field, "-Not Valid-"}));
    }
    String[] option = draw.pick(options);
    return set(tree, option[0], NODES.textNode(option[1]));
  }

  private static Optional<String> outOfRange(Experiment e, ObjectNode tree, Draw draw) {
    int i = draw.between(0, targets(e).size() - 1);
    List<Map.Entry<String, JsonNode>> options =
        List.of(
            Map.entry(
                "spec.targets[" + i + "].cluster.nodeCount",
                NODES.numberNode(draw.pick(List.of(0, 101)))),
            Map.entry(
                "spec.targets[" + i + "].cluster.diskSizeGb",
                NODES.numberNode(draw.pick(List.of(9, 65537)))),
            Map.entry("spec.qualityGate.maxIterations", NODES.numberNode(draw.pick(List.of(0, 6)))),
            Map.entry(
                "spec.qualityGate.minDataCoverage",
                NODES.numberNode(draw.pick(List.of(-0.1, 1.5)))),
            Map.entry("spec.budget.maxUSD", NODES.numberNode(-0.01)),
            Map.entry("spec.metrics.repetitions", NODES.numberNode(draw.pick(List.of(0, 21)))),
            Map.entry("spec.title", NODES.textNode("t".repeat(201))));
    Map.Entry<String, JsonNode> option = draw.pick(options);
    return set(tree, option.getKey(), option.getValue());
  }

  private static Optional<String> unknownField(Experiment e, ObjectNode tree, Draw draw) {
    List<String> objects = leaves(tree.path("spec"), "spec", new ArrayList<>(), JsonNode::isObject);
    objects.removeIf(p -> p.endsWith(".params"));
    return set(tree, FieldPath.key(draw.pick(objects), "colour"), NODES.textNode("blue"));
  }

  private static Optional<String> removeRequired(Experiment e, ObjectNode tree, Draw draw) {
    List<String> paths =
        new ArrayList<>(
            List.of(
                "spec.workflow.template",
                "spec.workflow.completion",
                "spec.workflow.completion.mode",
                "spec.targets",
                "spec.workflow"));
    for (int i = 0; i < targets(e).size(); i++) {
      paths.add("spec.targets[" + i + "].cluster");
      paths.add("spec.targets[" + i + "].cluster.provider");
    }
    for (String field : List.of("query", "claim", "operator", "action", "maxUSD")) {
      leaves(tree.path("spec"), "spec", new ArrayList<>(), n -> n.isObject() && n.has(field))
          .forEach(p -> paths.add(p + "." + field));
    }
    String path = draw.pick(paths);
    TreePaths.remove(tree, path);
    return Optional.of(path);
  }

  /**
   * Generated depends point from later to earlier targets; an edge back closes a cycle at its
   * earlier end.
   */
  private static Optional<String> dependsCycle(Experiment e, ObjectNode tree, Draw draw) {
    List<int[]> edges = new ArrayList<>();
    for (int j = 0; j < targets(e).size(); j++) {
      List<String> depends =
          targets(e).get(j).getDepends() == null ? List.of() : targets(e).get(j).getDepends();
      for (String dependency : depends) {
        for (int i = 0; i < j; i++) {
          if (targets(e).get(i).getName().equals(dependency)) {
            edges.add(new int[] {j, i});
          }
        }
      }
    }
    if (edges.isEmpty()) {
      return Optional.empty();
    }
    int[] edge = draw.pick(edges);
    return Optional.of(appendDepends(tree, edge[1], targets(e).get(edge[0]).getName()));
  }

  private static Optional<String> criterion(
      Experiment e, ObjectNode tree, Draw draw, String field, String value) {
    JsonNode criteria = tree.path("spec").path("hypothesis").path("successCriteria");
    if (!criteria.isArray() || criteria.isEmpty()) {
      return Optional.empty();
    }
    return set(
        tree,
        "spec.hypothesis.successCriteria[" + draw.between(0, criteria.size() - 1) + "]." + field,
        NODES.textNode(value));
  }

  private static Optional<String> duplicateTargetName(Experiment e, ObjectNode tree, Draw draw) {
    if (targets(e).size() < 2) {
      return Optional.empty();
    }
    int j = draw.between(1, targets(e).size() - 1);
    int i = draw.between(0, j - 1);
    return set(tree, "spec.targets[" + j + "].name", NODES.textNode(targets(e).get(i).getName()));
  }

  private static Optional<String> duplicateMetricName(Experiment e, ObjectNode tree, Draw draw) {
    JsonNode queries = tree.path("spec").path("metrics").path("queries");
    if (queries.size() < 2) {
      return Optional.empty();
    }
    int b = draw.between(1, queries.size() - 1);
    int a = draw.between(0, b - 1);
    return set(tree, "spec.metrics.queries[" + b + "].name", queries.get(a).get("name").deepCopy());
  }

  private static List<Integer> targetsWith(
      Experiment e, java.util.function.Predicate<Target> which) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; i < targets(e).size(); i++) {
      if (which.test(targets(e).get(i))) {
        found.add(i);
      }
    }
    return found;
  }

  private static Optional<String> hubShape(Experiment e, ObjectNode tree, Draw draw) {
    List<Integer> hubs = targetsWith(e, t -> t.getCluster().getProvider() == Provider.HUB);
    if (hubs.isEmpty()) {
      return Optional.empty();
    }
    String cluster = "spec.targets[" + draw.pick(hubs) + "].cluster.";
    return switch (draw.between(0, 3)) {
      case 0 -> set(tree, cluster + "machineType", NODES.textNode("e2-medium"));
      case 1 -> set(tree, cluster + "nodeCount", NODES.numberNode(3));
      case 2 -> set(tree, cluster + "preemptible", NODES.booleanNode(false));
      default -> set(tree, cluster + "region", NODES.textNode("us-east-1"));
    };
  }

  private static Optional<String> zoneOutsideGke(Experiment e, ObjectNode tree, Draw draw) {
    List<Integer> others =
        targetsWith(
            e,
            t ->
                t.getCluster().getProvider() == Provider.EKS
                    || t.getCluster().getProvider() == Provider.AKS);
    if (others.isEmpty()) {
      return Optional.empty();
    }
    return set(
        tree,
        "spec.targets[" + draw.pick(others) + "].cluster.zone",
        NODES.textNode("us-central1-a"));
  }

  private static Optional<String> zoneAndRegion(Experiment e, ObjectNode tree, Draw draw) {
    List<Integer> gke = targetsWith(e, t -> t.getCluster().getProvider() == Provider.GKE);
    if (gke.isEmpty()) {
      return Optional.empty();
    }
    int i = draw.pick(gke);
    TreePaths.set(tree, "spec.targets[" + i + "].cluster.zone", NODES.textNode("us-central1-a"));
    TreePaths.set(tree, "spec.targets[" + i + "].cluster.region", NODES.textNode("us-central1"));
    return Optional.of("spec.targets[" + i + "].cluster");
  }

  private static Optional<String> deadlineOverTotal(Experiment e, ObjectNode tree, Draw draw) {
    String total =
        e.getSpec().getDeadlines() == null || e.getSpec().getDeadlines().getTotal() == null
            ? "6h"
            : e.getSpec().getDeadlines().getTotal();
    long seconds = io.illm.lab.model.Durations.parse(total).getSeconds() + draw.between(1, 3600);
    return set(
        tree,
        "spec.deadlines."
            + draw.pick(List.of("provisioning", "deploying", "running", "collecting")),
        NODES.textNode(Draw.format((int) seconds)));
  }

  private static Optional<String> retainForWithDelete(Experiment e, ObjectNode tree, Draw draw) {
    return cleanupRule(e, draw, CleanupAction.DELETE)
        .flatMap(rule -> set(tree, "spec.cleanup." + rule + ".retainFor", NODES.textNode("1h")));
  }

  private static Optional<String> retainTooLong(Experiment e, ObjectNode tree, Draw draw) {
    return cleanupRule(e, draw, CleanupAction.RETAIN)
        .flatMap(
            rule ->
                set(
                    tree,
                    "spec.cleanup." + rule + ".retainFor",
                    NODES.textNode(draw.between(169, 999) + "h")));
  }

  private static Optional<String> cleanupRule(Experiment e, Draw draw, CleanupAction action) {
    if (e.getSpec().getCleanup() == null) {
      return Optional.empty();
    }
    List<String> rules = new ArrayList<>();
    CleanupRule onComplete = e.getSpec().getCleanup().getOnComplete();
    CleanupRule onFailure = e.getSpec().getCleanup().getOnFailure();
    if (onComplete != null && onComplete.getAction() == action) {
      rules.add("onComplete");
    }
    if (onFailure != null && onFailure.getAction() == action) {
      rules.add("onFailure");
    }
    return rules.isEmpty() ? Optional.empty() : Optional.of(draw.pick(rules));
  }

  private static Optional<String> badCodePoint(Experiment e, ObjectNode tree, Draw draw) {
    List<String> strings = leaves(tree, "", new ArrayList<>(), JsonNode::isTextual);
    strings.removeIf(p -> p.equals("apiVersion") || p.equals("kind"));
    String path = draw.pick(strings);
    String text = TreePaths.get(tree, path).asText();
    String bad = draw.pick(List.of("\u0085", "\ud800", "\udc00"));
    int at = draw.between(0, text.length());
    return set(tree, path, NODES.textNode(text.substring(0, at) + bad + text.substring(at)));
  }

  private static List<String> refs(Experiment e, java.util.function.Predicate<ComponentRef> which) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < targets(e).size(); i++) {
      List<ComponentRef> refs =
          targets(e).get(i).getComponents() == null ? List.of() : targets(e).get(i).getComponents();
      for (int c = 0; c < refs.size(); c++) {
        if (which.test(refs.get(c))) {
          paths.add("spec.targets[" + i + "].components[" + c + "]");
        }
      }
    }
    return paths;
  }

  private static Optional<String> ref(
      Experiment e, ObjectNode tree, Draw draw, String kind, String name) {
    List<String> paths = refs(e, r -> r.getWorkflow() == null);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    String path = draw.pick(paths);
    TreePaths.set(tree, path + "." + kind, NODES.textNode(name));
    return Optional.of(path);
  }

  private static Optional<String> unknownComponent(Experiment e, ObjectNode tree, Draw draw) {
    List<String> paths = refs(e, r -> r.getApp() != null);
    return paths.isEmpty()
        ? Optional.empty()
        : set(tree, draw.pick(paths) + ".app", NODES.textNode("no-such-component"));
  }

  private static Optional<String> paramsWithoutHelm(Experiment e, ObjectNode tree, Draw draw) {
    List<String> paths = refs(e, r -> !"prometheus".equals(r.getApp()));
    return paths.isEmpty()
        ? Optional.empty()
        : set(tree, draw.pick(paths) + ".params", NODES.objectNode().put("replicas", "2"));
  }
}
