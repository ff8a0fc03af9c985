package io.illm.lab.validate;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.rules.Problem;
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
    if (experiment == null
        || experiment.isEmpty()
        || experiment.length() > ExperimentNames.MAX_LABEL) {
      return;
    }
    shortened(
        "metadata.name", "Workflow", experiment + "-run", ExperimentNames.workflowName(experiment));
    if (targets == null) {
      return;
    }
    Map<String, String> owners = new HashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target == null
          || target.getName() == null
          || target.getName().length() > ExperimentNames.MAX_LABEL) {
        continue;
      }
      String path = "spec.targets[" + i + "].name";
      String t = target.getName();
      boolean createsCluster =
          target.getCluster() != null && target.getCluster().getProvider() != Provider.HUB;
      if (createsCluster) {
        shortened(
            path, "cluster", experiment + "-" + t, ExperimentNames.clusterName(experiment, t));
      }
      List<ComponentRef> refs = target.getComponents() == null ? List.of() : target.getComponents();
      for (int c = 0; c < refs.size(); c++) {
        String component = componentName(refs.get(c));
        if (component == null) {
          continue;
        }
        String full = experiment + "-" + t + "-" + component;
        String name = ExperimentNames.applicationName(experiment, t, component);
        String refPath = "spec.targets[" + i + "].components[" + c + "]";
        shortened(refPath, "Application", full, name);
        String before = owners.putIfAbsent(name, refPath);
        if (before != null) {
          problems.add(
              Problem.error(
                  file,
                  refPath,
                  "Application name " + SchemaErrors.quote(name) + " is also derived for " + before,
                  "rename this target or deploy the component once"));
        }
      }
    }
  }

  /** The component a reference names, when exactly one of app, workflow and config is set. */
  private static String componentName(ComponentRef ref) {
    if (ref == null) {
      return null;
    }
    List<String> names = new java.util.ArrayList<>();
    for (String name : new String[] {ref.getApp(), ref.getWorkflow(), ref.getConfig()}) {
      if (name != null && !name.isEmpty()) {
        names.add(name);
      }
    }
    return names.size() == 1 ? names.get(0) : null;
  }

  private void shortened(String path, String what, String full, String actual) {
    if (!full.equals(actual)) {
      problems.add(
          Problem.warning(
              file,
              path,
              what
                  + " name "
                  + SchemaErrors.quote(full)
                  + " is too long and will be "
                  + SchemaErrors.quote(actual),
              "shorten the experiment or target name to keep names readable"));
    }
  }
}
