package io.illm.lab.rules;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Targets: unique names, depends that name other targets without cycles, cluster shapes. */
final class TargetRules {

  private static final String DEPENDS_RULE = "depends must name another target of this experiment";

  private final List<Target> targets;
  private final List<Problem> problems;

  TargetRules(List<Target> targets, List<Problem> problems) {
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
            Problems.error(
                "spec.targets[" + i + "].name",
                "target names must be unique: "
                    + Names.quote(name)
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
              Problems.error(
                  path,
                  DEPENDS_RULE + ": a target cannot depend on itself",
                  "remove " + dependency));
        } else if (!names.contains(dependency)) {
          problems.add(
              Problems.error(
                  path,
                  DEPENDS_RULE + ": unknown target " + Names.quote(dependency),
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
    for (List<Integer> cycle : DependsGraph.cycles(targets)) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i <= cycle.size(); i++) {
        names.add(name(cycle.get(i % cycle.size())));
      }
      int from = cycle.get(0);
      int entry = depends(from).indexOf(names.get(1));
      problems.add(
          Problems.error(
              "spec.targets[" + from + "].depends[" + entry + "]",
              "depends form a cycle: " + String.join(" -> ", names),
              "remove one of these dependencies"));
    }
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
                  Problems.error(
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
          Problems.error(
              path + ".zone",
              "zone applies to gke only; use region for eks and aks",
              "replace zone with region"));
    }
    if (cluster.getZone() != null && cluster.getRegion() != null) {
      problems.add(
          Problems.error(
              path,
              "set zone (zonal cluster) or region (regional cluster), not both",
              "remove zone or region"));
    }
  }

  private String name(int i) {
    return DependsGraph.name(targets, i);
  }

  private List<String> depends(int i) {
    return DependsGraph.depends(targets, i);
  }

  private Set<String> names() {
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < targets.size(); i++) {
      if (name(i) != null) {
        names.add(name(i));
      }
    }
    return names;
  }
}
