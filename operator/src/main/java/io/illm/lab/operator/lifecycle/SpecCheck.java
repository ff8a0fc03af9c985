package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks the lifecycle cannot run without: the validator and the CRD schema normally catch all
 * of them first, but the engine must not trust that (a spec can arrive through any client). Every
 * problem is reported, each as {@code spec.path: message}.
 */
final class SpecCheck {

  private final List<String> problems = new ArrayList<>();

  private SpecCheck() {}

  /** Every problem with {@code spec}; empty when the lifecycle can run it. */
  static List<String> problems(ExperimentSpec spec) {
    SpecCheck check = new SpecCheck();
    if (spec == null) {
      check.problems.add("spec: missing (an experiment needs spec.targets and spec.workflow)");
      return check.problems;
    }
    check.targets(spec.getTargets());
    check.workflow(spec);
    check.deadlines(spec.getDeadlines());
    check.cleanup(spec.getCleanup());
    return check.problems;
  }

  private void targets(List<Target> targets) {
    if (targets == null || targets.isEmpty()) {
      problems.add("spec.targets: empty (add at least one target)");
      return;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      String path = "spec.targets[" + i + "]";
      if (target == null || target.getName() == null || target.getName().isBlank()) {
        problems.add(path + ".name: missing");
        continue;
      }
      if (!names.add(target.getName())) {
        problems.add(path + ".name: duplicate target \"" + target.getName() + "\"");
      }
      if (target.getCluster() == null || target.getCluster().getProvider() == null) {
        problems.add(path + ".cluster.provider: missing (gke, eks, aks or hub)");
      }
      components(path, target.getComponents());
    }
    depends(targets, names);
  }

  private void components(String path, List<ComponentRef> components) {
    if (components == null) {
      return;
    }
    for (int i = 0; i < components.size(); i++) {
      if (ChildNames.component(components.get(i)) == null) {
        problems.add(path + ".components[" + i + "]: set exactly one of app, workflow and config");
      }
    }
  }

  private void depends(List<Target> targets, Set<String> names) {
    Map<String, List<String>> edges = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target == null || target.getName() == null || target.getDepends() == null) {
        continue;
      }
      List<String> depends = target.getDepends();
      for (int d = 0; d < depends.size(); d++) {
        String other = depends.get(d);
        if (!names.contains(other) || other.equals(target.getName())) {
          problems.add(
              "spec.targets["
                  + i
                  + "].depends["
                  + d
                  + "]: \""
                  + other
                  + "\" is not another target of this experiment (targets: "
                  + String.join(", ", new java.util.TreeSet<>(names))
                  + ")");
        }
      }
      // merged, so that a duplicate target name cannot hide a cycle
      edges.computeIfAbsent(target.getName(), k -> new ArrayList<>()).addAll(depends);
    }
    TargetOrder.cycle(edges)
        .ifPresent(
            cycle ->
                problems.add(
                    "spec.targets: depends form a cycle "
                        + String.join(" -> ", cycle)
                        + " (remove one of these depends)"));
  }

  private void workflow(ExperimentSpec spec) {
    if (spec.getWorkflow() == null) {
      problems.add("spec.workflow: missing");
    } else if (spec.getWorkflow().getTemplate() == null
        || spec.getWorkflow().getTemplate().isBlank()) {
      problems.add("spec.workflow.template: missing (name a WorkflowTemplate)");
    }
  }

  private void deadlines(Deadlines deadlines) {
    if (deadlines == null) {
      return;
    }
    duration("spec.deadlines.provisioning", deadlines.getProvisioning());
    duration("spec.deadlines.deploying", deadlines.getDeploying());
    duration("spec.deadlines.running", deadlines.getRunning());
    duration("spec.deadlines.collecting", deadlines.getCollecting());
    duration("spec.deadlines.total", deadlines.getTotal());
  }

  private void cleanup(CleanupPolicy cleanup) {
    if (cleanup == null) {
      return;
    }
    retainFor("spec.cleanup.onComplete", cleanup.getOnComplete());
    retainFor("spec.cleanup.onFailure", cleanup.getOnFailure());
  }

  private void retainFor(String path, CleanupRule rule) {
    if (rule != null) {
      duration(path + ".retainFor", rule.getRetainFor());
      DurationText.parse(rule.getRetainFor())
          .filter(d -> d.compareTo(PhaseDeadlines.MAX_RETAIN) > 0)
          .ifPresent(
              d -> problems.add(path + ".retainFor: longer than 168h (retain at most a week)"));
    }
  }

  private void duration(String path, String text) {
    if (text != null && DurationText.parse(text).isEmpty()) {
      problems.add(
          path
              + ": \""
              + text
              + "\" is not a duration of at most a year (write e.g. 30m, 1h30m, 90s)");
    }
  }
}
