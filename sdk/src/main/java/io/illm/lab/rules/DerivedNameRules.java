package io.illm.lab.rules;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the operator derives from the experiment and its targets ({@link ExperimentNames}):
 * warns where one will be shortened, and reports two targets whose objects would share a name.
 */
final class DerivedNameRules {

  private final List<Problem> problems;
  private final Map<String, String> owners = new HashMap<>();

  DerivedNameRules(List<Problem> problems) {
    this.problems = problems;
  }

  void check(String experiment, List<Target> targets) {
    if (experiment == null
        || experiment.isEmpty()
        || experiment.length() > ExperimentNames.MAX_LABEL) {
      return;
    }
    shortened(
        "metadata.name", "Workflow", experiment + "-run", ExperimentNames.workflowName(experiment));
    for (int i = 0; targets != null && i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target != null
          && target.getName() != null
          && target.getName().length() <= ExperimentNames.MAX_LABEL) {
        checkTarget(experiment, "spec.targets[" + i + "]", target);
      }
    }
  }

  private void checkTarget(String experiment, String path, Target target) {
    String t = target.getName();
    boolean createsCluster =
        target.getCluster() != null && target.getCluster().getProvider() != Provider.HUB;
    if (createsCluster) {
      shortened(
          path + ".name",
          "cluster",
          experiment + "-" + t,
          ExperimentNames.clusterName(experiment, t));
    }
    List<ComponentRef> refs = target.getComponents() == null ? List.of() : target.getComponents();
    for (int c = 0; c < refs.size(); c++) {
      String component = ComponentRefs.name(refs.get(c));
      if (component == null) {
        continue;
      }
      String name = ExperimentNames.applicationName(experiment, t, component);
      String refPath = path + ".components[" + c + "]";
      shortened(refPath, "Application", experiment + "-" + t + "-" + component, name);
      String before = owners.putIfAbsent(name, refPath);
      if (before != null) {
        problems.add(
            Problems.error(
                refPath,
                "Application name " + Names.quote(name) + " is also derived for " + before,
                "rename this target or deploy the component once"));
      }
    }
  }

  private void shortened(String path, String what, String full, String actual) {
    if (!full.equals(actual)) {
      problems.add(
          Problems.warning(
              path,
              what
                  + " name "
                  + Names.quote(full)
                  + " is too long and will be "
                  + Names.quote(actual),
              "shorten the experiment or target name to keep names readable"));
    }
  }
}
