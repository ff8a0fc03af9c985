package io.illm.lab.dsl;

import io.illm.lab.model.Component;
import io.illm.lab.validate.ComponentCatalogue;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** What an experiment's targets deploy, as the validator needs to see it. */
final class DeployedComponents {

  private DeployedComponents() {}

  /**
   * The component values deployed, then the known catalogue for the rest. Without a known catalogue
   * (null) the view is partial: components referenced by name are left to whoever knows the whole
   * catalogue.
   */
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

      @Override
      public boolean complete() {
        return known != null;
      }
    };
  }
}
