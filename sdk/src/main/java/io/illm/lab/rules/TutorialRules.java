package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.TutorialService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** A tutorial's services: unique names, each on a target of the experiment. */
final class TutorialRules {

  private final ExperimentSpec spec;
  private final List<Problem> problems;

  TutorialRules(ExperimentSpec spec, List<Problem> problems) {
    this.spec = spec;
    this.problems = problems;
  }

  void check() {
    if (spec.getTutorial() == null || spec.getTutorial().getServices() == null) {
      return;
    }
    List<TutorialService> services = spec.getTutorial().getServices();
    Set<String> targets = targetNames();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < services.size(); i++) {
      TutorialService service = services.get(i);
      if (service != null) {
        String path = "spec.tutorial.services[" + i + "]";
        checkUnique(path, service.getName(), i, first);
        checkTarget(path, service.getTarget(), targets);
      }
    }
  }

  /** Twin of CEL "tutorial service names must be unique". */
  private void checkUnique(String path, String name, int index, Map<String, Integer> first) {
    if (name == null) {
      return;
    }
    Integer earlier = first.putIfAbsent(name, index);
    if (earlier != null) {
      problems.add(
          Problems.error(
              path + ".name",
              "tutorial service names must be unique: "
                  + Names.quote(name)
                  + " is also spec.tutorial.services["
                  + earlier
                  + "]",
              "rename one of them"));
    }
  }

  /** Twin of CEL "tutorial.services[].target must name a target of this experiment". */
  private void checkTarget(String path, String target, Set<String> targets) {
    if (target != null && !targets.contains(target)) {
      problems.add(
          Problems.error(
              path + ".target",
              "tutorial.services[].target must name a target of this experiment: unknown target "
                  + Names.quote(target),
              Names.suggest(target, targets, "targets")));
    }
  }

  private Set<String> targetNames() {
    Set<String> names = new TreeSet<>();
    if (spec.getTargets() != null) {
      spec.getTargets().stream()
          .filter(Objects::nonNull)
          .map(Target::getName)
          .filter(Objects::nonNull)
          .forEach(names::add);
    }
    return names;
  }
}
