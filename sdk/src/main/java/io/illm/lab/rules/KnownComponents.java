package io.illm.lab.rules;

import io.illm.lab.model.ComponentSpec;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The components an experiment's references are checked against, by name: what the rules need of a
 * catalogue.
 */
public interface KnownComponents {

  /**
   * The spec of the component with this name; empty when the component is not known, or known
   * without a spec.
   */
  Optional<ComponentSpec> spec(String name);

  /**
   * Every known name, sorted; listed in hints, and where a known component without spec is seen.
   */
  Collection<String> names();

  /**
   * True when every component an experiment may reference is known, so that a name not found is an
   * error. False for a partial view, such as the DSL's {@code build()} without a catalogue, which
   * knows only the component values it deploys: a name not found is then left to whoever knows the
   * whole catalogue ({@code ./lab synth}, {@code ./lab validate}).
   */
  default boolean complete() {
    return true;
  }

  /** A complete view of these specs, by component name. */
  static KnownComponents of(Map<String, ComponentSpec> specs) {
    Map<String, ComponentSpec> byName = new TreeMap<>(specs);
    return new KnownComponents() {
      @Override
      public Optional<ComponentSpec> spec(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<String> names() {
        return byName.keySet();
      }
    };
  }
}
