package io.illm.lab.rules;

import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The targets' {@code depends} as a graph between target indexes; finds its cycles. The one cycle
 * detection of the lab: {@code ./lab validate}, the DSL and the operator all reach it through
 * {@link ExperimentRules}.
 */
final class DependsGraph {

  private static final int UNSEEN = 0;
  private static final int VISITING = 1;
  private static final int DONE = 2;

  private final List<Target> targets;
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] state;
  private final List<Integer> stack = new ArrayList<>();
  private final Set<List<Integer>> cycles = new HashSet<>();
  private final List<List<Integer>> found = new ArrayList<>();

  private DependsGraph(List<Target> targets) {
    this.targets = targets;
    this.state = new int[targets.size()];
    for (int i = 0; i < targets.size(); i++) {
      String name = name(targets, i);
      if (name != null) {
        index.putIfAbsent(name, i);
      }
    }
  }

  /**
   * Every cycle once, as the indexes of its targets in depends order, starting at its first target
   * in spec order: {@code [0, 2, 1]} is targets[0] depends on targets[2], which depends on
   * targets[1], which depends on targets[0]. A name used twice stands for its first target; depends
   * on oneself and on unknown names are no edges (reported on their own).
   */
  static List<List<Integer>> cycles(List<Target> targets) {
    DependsGraph graph = new DependsGraph(targets);
    for (int i = 0; i < targets.size(); i++) {
      if (graph.state[i] == UNSEEN) {
        graph.visit(i);
      }
    }
    return graph.found;
  }

  static String name(List<Target> targets, int i) {
    Target target = targets.get(i);
    return target == null ? null : target.getName();
  }

  static List<String> depends(List<Target> targets, int i) {
    Target target = targets.get(i);
    return target == null || target.getDepends() == null ? List.of() : target.getDepends();
  }

  private void visit(int node) {
    state[node] = VISITING;
    stack.add(node);
    for (String dependency : depends(targets, node)) {
      Integer next = dependency == null ? null : index.get(dependency);
      if (next == null || next == node) {
        continue;
      }
      if (state[next] == VISITING) {
        add(stack.subList(stack.indexOf(next), stack.size()));
      } else if (state[next] == UNSEEN) {
        visit(next);
      }
    }
    stack.remove(stack.size() - 1);
    state[node] = DONE;
  }

  /** Rotates the cycle to start at its smallest index; keeps it unless already found. */
  private void add(List<Integer> cycle) {
    int start = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    List<Integer> rotated = new ArrayList<>();
    for (int i = 0; i < cycle.size(); i++) {
      rotated.add(cycle.get((start + i) % cycle.size()));
    }
    if (cycles.add(rotated)) {
      found.add(List.copyOf(rotated));
    }
  }
}
