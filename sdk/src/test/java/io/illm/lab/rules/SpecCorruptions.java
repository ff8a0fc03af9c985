package io.illm.lab.rules;

import io.illm.lab.model.Better;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.validate.ExperimentGenerators.Draw;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Corruptions of a valid experiment's spec, on the model: one per kind of rule, each returning the
 * path an error must be at (empty when it does not apply to this spec). For properties of whoever
 * runs the rules: validate, the DSL, the operator's lifecycle.
 */
public final class SpecCorruptions {

  /** Breaks {@code spec} in place; the path of the error, or empty when it does not apply. */
  public interface Corruption {
    Optional<String> apply(ExperimentSpec spec, Draw draw);
  }

  /** A named corruption. */
  public record Named(String name, Corruption corruption) {
    @Override
    public String toString() {
      return name;
    }
  }

  private SpecCorruptions() {}

  /**
   * Every corruption, each making the spec invalid. Each leaves the spec as it is when it does not
   * apply.
   */
  public static List<Named> all() {
    List<Named> all = new ArrayList<>(required());
    all.addAll(keepingStructure());
    return all;
  }

  /** The corruptions that leave every target, its cluster and the workflow in place. */
  static List<Named> keepingStructure() {
    List<Named> all = new ArrayList<>(targets());
    all.addAll(references());
    all.addAll(ValueCorruptions.metrics());
    all.addAll(ValueCorruptions.durations());
    return all;
  }

  /** Changes the rules only warn about: the spec stays runnable. Returns the warning's path. */
  public static List<Named> harmless() {
    return List.of(
        new Named(
            "better on an experiment-wide metric",
            (s, d) ->
                index(d, queries(s), q -> !Boolean.TRUE.equals(q.getPerTarget()))
                    .map(
                        i -> {
                          queries(s).get(i).setBetter(d.pick(List.of(Better.values())));
                          return "spec.metrics.queries[" + i + "].better";
                        })));
  }

  private static List<Named> required() {
    return List.of(
        new Named("no targets", (s, d) -> set(() -> s.setTargets(null), "spec.targets")),
        new Named(
            "empty targets", (s, d) -> set(() -> s.setTargets(new ArrayList<>()), "spec.targets")),
        new Named(
            "a null target",
            (s, d) -> {
              int i = d.between(0, s.getTargets().size() - 1);
              s.getTargets().set(i, null);
              return Optional.of("spec.targets[" + i + "]");
            }),
        new Named(
            "a target without name",
            (s, d) -> {
              int i = d.between(0, s.getTargets().size() - 1);
              s.getTargets().get(i).setName(d.pick(List.of("", " ")));
              return Optional.of("spec.targets[" + i + "].name");
            }),
        new Named(
            "a target without cluster",
            (s, d) -> onTarget(s, d, t -> t.setCluster(null), ".cluster")),
        new Named(
            "a cluster without provider",
            (s, d) -> onTarget(s, d, t -> t.setCluster(new ClusterSpec()), ".cluster.provider")),
        new Named("no workflow", (s, d) -> set(() -> s.setWorkflow(null), "spec.workflow")),
        new Named(
            "a workflow without template",
            (s, d) ->
                set(
                    () -> s.getWorkflow().setTemplate(d.pick(List.of("", " "))),
                    "spec.workflow.template")),
        new Named(
            "a workflow without completion",
            (s, d) -> set(() -> s.getWorkflow().setCompletion(null), "spec.workflow.completion")),
        new Named(
            "a metric without query",
            (s, d) ->
                index(d, queries(s), q -> true)
                    .map(
                        i -> {
                          queries(s).get(i).setQuery(" ");
                          return "spec.metrics.queries[" + i + "].query";
                        })));
  }

  private static List<Named> targets() {
    return List.of(
        new Named(
            "a duplicate target name",
            (s, d) -> {
              if (s.getTargets().size() < 2) {
                return Optional.empty();
              }
              int j = d.between(1, s.getTargets().size() - 1);
              s.getTargets().get(j).setName(s.getTargets().get(d.between(0, j - 1)).getName());
              s.getTargets().get(j).setDepends(null);
              return Optional.of("spec.targets[" + j + "].name");
            }),
        new Named("a dangling depends", (s, d) -> addDepends(s, d, i -> "ghost-target")),
        new Named(
            "a self depends", (s, d) -> addDepends(s, d, i -> s.getTargets().get(i).getName())),
        new Named("a depends cycle", SpecCorruptions::dependsCycle),
        new Named(
            "a hub cluster with a machine shape",
            (s, d) ->
                index(d, s.getTargets(), t -> t.getCluster().getProvider() == Provider.HUB)
                    .map(
                        i -> {
                          s.getTargets().get(i).getCluster().setMachineType("e2-medium");
                          return "spec.targets[" + i + "].cluster.machineType";
                        })),
        new Named(
            "a zone outside gke",
            (s, d) ->
                index(
                        d,
                        s.getTargets(),
                        t ->
                            t.getCluster().getProvider() == Provider.EKS
                                || t.getCluster().getProvider() == Provider.AKS)
                    .map(
                        i -> {
                          ClusterSpec c = s.getTargets().get(i).getCluster();
                          c.setRegion(null);
                          c.setZone("us-central1-a");
                          return "spec.targets[" + i + "].cluster.zone";
                        })),
        new Named(
            "zone and region",
            (s, d) ->
                index(d, s.getTargets(), t -> t.getCluster().getProvider() == Provider.GKE)
                    .map(
                        i -> {
                          s.getTargets().get(i).getCluster().setZone("us-central1-a");
                          s.getTargets().get(i).getCluster().setRegion("us-central1");
                          return "spec.targets[" + i + "].cluster";
                        })));
  }

  private static List<Named> references() {
    return List.of(
        new Named(
            "a reference naming two components",
            (s, d) ->
                onRef(
                    s,
                    d,
                    r -> {
                      if (r.getConfig() == null) {
                        r.setConfig("egress");
                      } else {
                        r.setApp("hello-app");
                      }
                    },
                    "")),
        new Named(
            "a reference naming none",
            (s, d) ->
                onRef(
                    s,
                    d,
                    r -> {
                      r.setApp(null);
                      r.setWorkflow(null);
                      r.setConfig(null);
                    },
                    "")),
        new Named(
            "a reference with an empty name",
            (s, d) ->
                onRef(s, d, r -> {}, "")
                    .map(
                        path -> {
                          ComponentRef ref = ref(s, path);
                          String kind =
                              ref.getApp() != null
                                  ? "app"
                                  : ref.getWorkflow() != null ? "workflow" : "config";
                          ref.setApp(kind.equals("app") ? " " : null);
                          ref.setWorkflow(kind.equals("workflow") ? " " : null);
                          ref.setConfig(kind.equals("config") ? " " : null);
                          return path + "." + kind;
                        })),
        new Named(
            "a component deployed twice on a target",
            (s, d) ->
                index(d, s.getTargets(), t -> t.getComponents() != null)
                    .map(
                        i -> {
                          List<ComponentRef> refs = s.getTargets().get(i).getComponents();
                          ComponentRef copy = refs.get(d.between(0, refs.size() - 1));
                          refs.add(
                              new ComponentRef(
                                  copy.getApp(),
                                  copy.getWorkflow(),
                                  copy.getConfig(),
                                  copy.getParams()));
                          return "spec.targets[" + i + "].components[" + (refs.size() - 1) + "]";
                        })));
  }

  // ---- helpers

  static Optional<String> set(Runnable change, String path) {
    change.run();
    return Optional.of(path);
  }

  static List<MetricQuery> queries(ExperimentSpec s) {
    return s.getMetrics() == null || s.getMetrics().getQueries() == null
        ? List.of()
        : s.getMetrics().getQueries();
  }

  static <T> Optional<Integer> index(Draw d, List<T> items, Predicate<T> which) {
    List<Integer> found = new ArrayList<>();
    for (int i = 0; items != null && i < items.size(); i++) {
      if (items.get(i) != null && which.test(items.get(i))) {
        found.add(i);
      }
    }
    return found.isEmpty() ? Optional.empty() : Optional.of(d.pick(found));
  }

  private static Optional<String> onTarget(
      ExperimentSpec s, Draw d, Consumer<Target> change, String field) {
    int i = d.between(0, s.getTargets().size() - 1);
    change.accept(s.getTargets().get(i));
    return Optional.of("spec.targets[" + i + "]" + field);
  }

  private static Optional<String> addDepends(ExperimentSpec s, Draw d, IntFunction<String> name) {
    int i = d.between(0, s.getTargets().size() - 1);
    Target t = s.getTargets().get(i);
    List<String> depends =
        t.getDepends() == null ? new ArrayList<>() : new ArrayList<>(t.getDepends());
    depends.add(name.apply(i));
    t.setDepends(depends);
    return Optional.of("spec.targets[" + i + "].depends[" + (depends.size() - 1) + "]");
  }

  /**
   * Generated depends point from later targets to earlier ones; an edge back closes a cycle,
   * reported at its earliest target.
   */
  private static Optional<String> dependsCycle(ExperimentSpec s, Draw d) {
    List<int[]> edges = new ArrayList<>();
    for (int j = 0; j < s.getTargets().size(); j++) {
      List<String> depends = s.getTargets().get(j).getDepends();
      for (int i = 0; depends != null && i < j; i++) {
        if (depends.contains(s.getTargets().get(i).getName())) {
          edges.add(new int[] {j, i});
        }
      }
    }
    if (edges.isEmpty()) {
      return Optional.empty();
    }
    int[] edge = d.pick(edges);
    Target earlier = s.getTargets().get(edge[1]);
    List<String> depends =
        earlier.getDepends() == null ? new ArrayList<>() : new ArrayList<>(earlier.getDepends());
    depends.add(s.getTargets().get(edge[0]).getName());
    earlier.setDepends(depends);
    return Optional.of("spec.targets[" + edge[1] + "].depends[" + (depends.size() - 1) + "]");
  }

  private static Optional<String> onRef(
      ExperimentSpec s, Draw d, Consumer<ComponentRef> change, String field) {
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < s.getTargets().size(); i++) {
      List<ComponentRef> refs = s.getTargets().get(i).getComponents();
      for (int c = 0; refs != null && c < refs.size(); c++) {
        paths.add("spec.targets[" + i + "].components[" + c + "]");
      }
    }
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    String path = d.pick(paths);
    change.accept(ref(s, path));
    return Optional.of(path + field);
  }

  private static ComponentRef ref(ExperimentSpec s, String path) {
    int target = Integer.parseInt(path.replaceAll("spec\\.targets\\[(\\d+)\\].*", "$1"));
    int component = Integer.parseInt(path.replaceAll(".*components\\[(\\d+)\\].*", "$1"));
    return s.getTargets().get(target).getComponents().get(component);
  }
}
