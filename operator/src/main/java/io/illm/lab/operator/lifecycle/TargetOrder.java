package io.illm.lab.operator.lifecycle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/** Finds a cycle in the targets' {@code depends} graph. */
final class TargetOrder {

  private enum Mark {
    VISITING,
    DONE
  }

  private final Map<String, List<String>> edges;
  private final Map<String, Mark> marks = new HashMap<>();
  private final List<String> path = new ArrayList<>();

  private TargetOrder(Map<String, List<String>> edges) {
    this.edges = edges;
  }

  /** A cycle as target names, first name repeated at the end; empty when the graph is acyclic. */
  static Optional<List<String>> cycle(Map<String, List<String>> edges) {
    TargetOrder order = new TargetOrder(edges);
    for (String start : new TreeSet<>(edges.keySet())) {
      Optional<List<String>> found = order.visit(start);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> visit(String node) {
    Mark mark = marks.get(node);
    if (mark == Mark.DONE) {
      return Optional.empty();
    }
    if (mark == Mark.VISITING) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(node), path.size()));
      cycle.add(node);
      return Optional.of(cycle);
    }
    marks.put(node, Mark.VISITING);
    path.add(node);
    for (String next : edges.getOrDefault(node, List.of())) {
      Optional<List<String>> found = visit(next);
      if (found.isPresent()) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    marks.put(node, Mark.DONE);
    return Optional.empty();
  }
}
