package io.illm.lab.rules;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The WorkflowTemplates an experiment's {@code spec.workflow} is checked against, by name: what the
 * rules need of a lab's templates.
 */
public interface KnownTemplates {

  /** No template known, and no claim to know them all: nothing is checked against it. */
  KnownTemplates NONE = of(List.of(), false);

  /** The template with this name, if known. */
  Optional<TemplateSignature> find(String name);

  /** Every known name, sorted; listed in hints. */
  Collection<String> names();

  /**
   * True when every template an experiment may name is known, so that a name not found is an error;
   * false for a partial view (an experiment built alone, or a lab whose templates live elsewhere).
   */
  boolean complete();

  /** A view of these templates; {@code complete} says whether a name not among them is an error. */
  static KnownTemplates of(Collection<TemplateSignature> templates, boolean complete) {
    Map<String, TemplateSignature> byName = new TreeMap<>();
    templates.forEach(t -> byName.put(t.name(), t));
    return new KnownTemplates() {
      @Override
      public Optional<TemplateSignature> find(String name) {
        return Optional.ofNullable(byName.get(name));
      }

      @Override
      public Collection<String> names() {
        return byName.keySet();
      }

      @Override
      public boolean complete() {
        return complete;
      }
    };
  }
}
