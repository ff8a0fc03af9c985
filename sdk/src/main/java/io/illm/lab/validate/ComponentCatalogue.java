package io.illm.lab.validate;

import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.rules.KnownComponents;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The components an experiment may reference, by name. */
public interface ComponentCatalogue extends KnownComponents {

  /** The component with this name, if the catalogue has one. */
  Optional<Component> find(String name);

  /** Every component name, sorted; used in hints ("known: a, b, c"). */
  @Override
  Collection<String> names();

  @Override
  default Optional<ComponentSpec> spec(String name) {
    return find(name).map(Component::getSpec);
  }

  /** A catalogue of the given components. */
  static ComponentCatalogue of(Collection<Component> components) {
    Map<String, Component> byName = new TreeMap<>();
    for (Component component : components) {
      byName.put(component.getMetadata().getName(), component);
    }
    return new ComponentCatalogue() {
      @Override
      public Optional<Component> find(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<String> names() {
        return byName.keySet();
      }
    };
  }
}
