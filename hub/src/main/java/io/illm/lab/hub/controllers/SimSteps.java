package io.illm.lab.hub.controllers;

import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.argoworkflows.workflowstatus.Nodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps of a WorkflowTemplate as simulated Argo walks them: the entrypoint's groups of steps (a
 * group runs in parallel, groups in order), each step a node of type Pod in the Workflow's {@code
 * status.nodes}, keyed {@code <workflow>-<group>-<index>}, and {@code status.progress} as Argo
 * counts it (steps done / all steps). Only a steps entrypoint is walked; anything else (a DAG, a
 * single container, a template without spec) runs as one unnamed step.
 *
 * @param steps the names of the steps, group by group
 */
record SimSteps(List<List<String>> steps) {

  /** No steps known: the Workflow only runs and ends. */
  static final SimSteps NONE = new SimSteps(List.of());

  /** The steps of a WorkflowTemplate's spec, read as Argo reads them. */
  static SimSteps of(Map<String, Object> spec) {
    Object entrypoint = spec.get("entrypoint");
    if (!(spec.get("templates") instanceof List<?> templates)) {
      return NONE;
    }
    for (Object template : templates) {
      if (template instanceof Map<?, ?> t
          && t.get("name") != null
          && t.get("name").equals(entrypoint)
          && t.get("steps") instanceof List<?> groups) {
        return new SimSteps(names(groups));
      }
    }
    return NONE;
  }

  private static List<List<String>> names(List<?> groups) {
    List<List<String>> names = new ArrayList<>();
    for (Object group : groups) {
      List<String> parallel = new ArrayList<>();
      if (group instanceof List<?> steps) {
        for (Object step : steps) {
          if (step instanceof Map<?, ?> s && s.get("name") != null) {
            parallel.add(s.get("name").toString());
          }
        }
      }
      if (!parallel.isEmpty()) {
        names.add(List.copyOf(parallel));
      }
    }
    return List.copyOf(names);
  }

  int groups() {
    return steps.size();
  }

  private int total() {
    return steps.stream().mapToInt(List::size).sum();
  }

  /** Group {@code group} starts at {@code now}; every group before it has succeeded. */
  void enter(WorkflowStatus status, String workflow, int group, String now) {
    if (group >= steps.size()) {
      return;
    }
    Map<String, Nodes> nodes =
        status.getNodes() == null ? new LinkedHashMap<>() : new LinkedHashMap<>(status.getNodes());
    nodes.values().stream()
        .filter(n -> "Running".equals(n.getPhase()))
        .forEach(n -> succeed(n, now));
    List<String> names = steps.get(group);
    for (int i = 0; i < names.size(); i++) {
      Nodes node = new Nodes();
      node.setDisplayName(names.get(i));
      node.setTemplateName(names.get(i));
      node.setType("Pod");
      node.setPhase("Running");
      node.setStartedAt(now);
      nodes.put(workflow + "-" + group + "-" + i, node);
    }
    status.setNodes(nodes);
    status.setProgress(done(nodes) + "/" + total());
  }

  /** The run ends: the running steps succeed, or fail when the run failed. */
  void finish(WorkflowStatus status, String now, boolean succeeded) {
    if (status.getNodes() == null) {
      return;
    }
    for (Nodes node : status.getNodes().values()) {
      if ("Running".equals(node.getPhase())) {
        if (succeeded) {
          succeed(node, now);
        } else {
          node.setPhase("Failed");
          node.setFinishedAt(now);
        }
      }
    }
    status.setProgress(done(status.getNodes()) + "/" + total());
  }

  private static void succeed(Nodes node, String now) {
    node.setPhase("Succeeded");
    node.setFinishedAt(now);
  }

  private static long done(Map<String, Nodes> nodes) {
    return nodes.values().stream().filter(n -> "Succeeded".equals(n.getPhase())).count();
  }
}
