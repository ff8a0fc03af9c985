package io.illm.lab.dsl;

import io.illm.lab.model.Component;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What an experiment's targets deploy, as the validator needs to see it. */
final class DeployedComponents {

  private DeployedComponents() {}

  /** The component values deployed, then the known catalogue (may be null) for the rest. */
  static ComponentCatalogue catalogue(List<TargetDef> targets, ComponentCatalogue known) {
    Map<String, Component> values = new LinkedHashMap<>();
    for (TargetDef target : targets) {
      for (Deployment deployment : target.deployments()) {
        if (deployment.component() != null) {
          values.putIfAbsent(deployment.name(), deployment.component().component());
        }
      }
    }
    return new ComponentCatalogue() {
      @Override
      public Optional<Component> find(String component) {
        Component value = values.get(component);
        return value != null || known == null ? Optional.ofNullable(value) : known.find(component);
      }

      @Override
      public Collection<String> names() {
        Set<String> names = new TreeSet<>(values.keySet());
        if (known != null) {
          names.addAll(known.names());
        }
        return names;
      }
    };
  }

  /** The problems, less those about components referenced by name (unknown here). */
  static List<Problem> withoutByName(List<Problem> problems, List<TargetDef> targets) {
    Set<String> byName = byNamePaths(targets);
    List<Problem> kept = new ArrayList<>();
    for (Problem problem : problems) {
      String path = problem.path();
      if (byName.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "."))) {
        kept.add(problem);
      }
    }
    return kept;
  }

  /** Paths of components referenced by name, e.g. {@code spec.targets[0].components[1]}. */
  static Set<String> byNamePaths(List<TargetDef> targets) {
    Set<String> paths = new HashSet<>();
    for (int t = 0; t < targets.size(); t++) {
      List<Deployment> deployments = targets.get(t).deployments();
      for (int c = 0; c < deployments.size(); c++) {
        if (deployments.get(c).component() == null) {
          paths.add("spec.targets[" + t + "].components[" + c + "]");
        }
      }
    }
    return paths;
  }
}
