package io.illm.lab.validate;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.rules.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Targets: unique names, depends that name other targets without cycles, cluster shapes. */
final class TargetRules {

  private static final String DEPENDS_RULE = "depends must name another target of this experiment";

  private final String file;
  private final List<Target> targets;
  private final List<Problem> problems;

  TargetRules(String file, List<Target> targets, List<Problem> problems) {
    this.file = file;
    this.targets = targets == null ? List.of() : targets;
    this.problems = problems;
  }

  void check() {
    checkUniqueNames();
    checkDepends();
    checkCycles();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target != null && target.getCluster() != null) {
        checkCluster("spec.targets[" + i + "].cluster", target.getCluster());
      }
    }
  }

  /** Twin of CEL "target names must be unique". */
  private void checkUniqueNames() {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      String name = name(i);
      if (name == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        problems.add(
            Problem.error(
                file,
                "spec.targets[" + i + "].name",
                "target names must be unique: "
                    + SchemaErrors.quote(name)
                    + " is also spec.targets["
                    + earlier
                    + "]",
                "rename one of them"));
      }
    }
  }

  /** Twin of CEL "depends must name another target of this experiment". */
  private void checkDepends() {
    Set<String> names = names();
    for (int i = 0; i < targets.size(); i++) {
      List<String> depends = depends(i);
      for (int k = 0; k < depends.size(); k++) {
        String dependency = depends.get(k);
        String path = "spec.targets[" + i + "].depends[" + k + "]";
        if (dependency == null) {
          continue;
        }
        if (dependency.equals(name(i))) {
          problems.add(
              Problem.error(
                  file,
                  path,
                  DEPENDS_RULE + ": a target cannot depend on itself",
                  "remove " + dependency));
        } else if (!names.contains(dependency)) {
          problems.add(
              Problem.error(
                  file,
                  path,
                  DEPENDS_RULE + ": unknown target " + SchemaErrors.quote(dependency),
                  "targets: " + String.join(", ", names)));
        }
      }
    }
  }

  /**
   * Reports each cycle once, at the depends entry of its first target (in spec order) that leads
   * along the cycle, e.g. {@code a -> b -> a}.
   */
  private void checkCycles() {
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      if (name(i) != null) {
        index.putIfAbsent(name(i), i);
      }
    }
    int[] state = new int[targets.size()];
    Set<String> reported = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      if (state[i] == 0) {
        visit(i, index, state, new ArrayList<>(), reported);
      }
    }
  }

  private void visit(
      int node,
      Map<String, Integer> index,
      int[] state,
      List<Integer> stack,
      Set<String> reported) {
    state[node] = 1;
    stack.add(node);
    for (String dependency : depends(node)) {
      Integer next = dependency == null ? null : index.get(dependency);
      if (next == null || next == node) {
        continue;
      }
      if (state[next] == 1) {
        reportCycle(stack.subList(stack.indexOf(next), stack.size()), reported);
      } else if (state[next] == 0) {
        visit(next, index, state, stack, reported);
      }
    }
    stack.remove(stack.size() - 1);
    state[node] = 2;
  }

  private void reportCycle(List<Integer> cycle, Set<String> reported) {
    int start = 0;
    for (int i = 1; i < cycle.size(); i++) {
      if (cycle.get(i) < cycle.get(start)) {
        start = i;
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= cycle.size(); i++) {
      names.add(name(cycle.get((start + i) % cycle.size())));
    }
    String text = String.join(" -> ", names);
    if (!reported.add(text)) {
      return;
    }
    int from = cycle.get(start);
    int entry = depends(from).indexOf(names.get(1));
    problems.add(
        Problem.error(
            file,
            "spec.targets[" + from + "].depends[" + entry + "]",
            "depends form a cycle: " + text,
            "remove one of these dependencies"));
  }

  /** Twins of the ClusterSpec CEL rules: hub has no shape, zone is gke only, zone xor region. */
  private void checkCluster(String path, ClusterSpec cluster) {
    if (cluster.getProvider() == Provider.HUB) {
      Map<String, Object> shape = new LinkedHashMap<>();
      shape.put("preemptible", cluster.getPreemptible());
      shape.put("zone", cluster.getZone());
      shape.put("region", cluster.getRegion());
      shape.put("machineType", cluster.getMachineType());
      shape.put("nodeCount", cluster.getNodeCount());
      shape.put("diskSizeGb", cluster.getDiskSizeGb());
      shape.put("kubernetesVersion", cluster.getKubernetesVersion());
      shape.forEach(
          (field, value) -> {
            if (value != null) {
              problems.add(
                  Problem.error(
                      file,
                      path + "." + field,
                      "a hub target uses the hub cluster as it is: remove the machine shape fields",
                      "remove " + field));
            }
          });
      return;
    }
    if (cluster.getZone() != null
        && cluster.getProvider() != null
        && cluster.getProvider() != Provider.GKE) {
      problems.add(
          Problem.error(
              file,
              path + ".zone",
              "zone applies to gke only; use region for eks and aks",
              "replace zone with region"));
    }
    if (cluster.getZone() != null && cluster.getRegion() != null) {
      problems.add(
          Problem.error(
              file,
              path,
              "set zone (zonal cluster) or region (regional cluster), not both",
              "remove zone or region"));
    }
  }

  private String name(int i) {
    Target target = targets.get(i);
    return target == null ? null : target.getName();
  }

  private List<String> depends(int i) {
    Target target = targets.get(i);
    return target == null || target.getDepends() == null ? List.of() : target.getDepends();
  }

  private Set<String> names() {
    Set<String> names = new java.util.TreeSet<>();
    for (int i = 0; i < targets.size(); i++) {
      if (name(i) != null) {
        names.add(name(i));
      }
    }
    return names;
  }
}
