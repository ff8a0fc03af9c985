package io.illm.lab.validate;

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

  private final String file;
  private final List<Problem> problems;

  DerivedNameRules(String file, List<Problem> problems) {
    this.file = file;
    this.problems = problems;
  }

  void check(String experiment, List<Target> targets) {
    if (experiment == null || experiment.isEmpty() || experiment.length() > ExperimentNames.MAX_LABEL) {
      return;
    }
    shortened("metadata.name", "Workflow", experiment + "-run", ExperimentNames.workflowName(experiment));
    if (targets == null) {
      return;
    }
    Map<String, Integer> owners = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target == null || target.getName() == null || target.getName().length() > ExperimentNames.MAX_LABEL) {
        continue;
      }
      String path = "spec.targets[" + i + "].name";
      String t = target.getName();
      boolean createsCluster = target.getCluster() != null && target.getCluster().getProvider() != Provider.HUB;
      if (createsCluster) {
        shortened(path, "cluster", experiment + "-" + t, ExperimentNames.clusterName(experiment, t));
      }
      shortened(path, "Application", experiment + "-" + t, ExperimentNames.applicationName(experiment, t));
      shortened(path, "Application", experiment + "-" + t + "-infra", ExperimentNames.infraApplicationName(experiment, t));
      shortened(path, "Application", experiment + "-" + t + "-obs",
          ExperimentNames.observabilityApplicationName(experiment, t));
      for (String name : List.of(ExperimentNames.applicationName(experiment, t),
          ExperimentNames.infraApplicationName(experiment, t),
          ExperimentNames.observabilityApplicationName(experiment, t))) {
        Integer other = owners.putIfAbsent(name, i);
        if (other != null && other != i && !t.equals(targets.get(other).getName())) {
          problems.add(Problem.error(file, path, "Application name " + SchemaErrors.quote(name)
              + " is also derived for spec.targets[" + other + "]", "rename this target"));
        }
      }
    }
  }

  private void shortened(String path, String what, String full, String actual) {
    if (!full.equals(actual)) {
      problems.add(Problem.warning(file, path, what + " name " + SchemaErrors.quote(full) + " is too long and will be "
          + SchemaErrors.quote(actual), "shorten the experiment or target name to keep names readable"));
    }
  }
}
