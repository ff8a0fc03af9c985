package io.illm.lab.rules;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the rules need of a WorkflowTemplate: its name and the parameters it declares, each with
 * whether it has a default. A model-level view: no Argo types here, whoever reads a template (the
 * DSL, a YAML file) makes one.
 *
 * @param name the template's {@code metadata.name}
 * @param parameters every declared parameter ({@code spec.arguments.parameters}), name to whether a
 *     default value is given
 */
public record TemplateSignature(String name, Map<String, Boolean> parameters) {

  public TemplateSignature {
    parameters = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
  }

  /** The parameters without a default, sorted: a Workflow must give each a value. */
  public Set<String> required() {
    Set<String> required = new TreeSet<>();
    parameters.forEach(
        (parameter, hasDefault) -> {
          if (!hasDefault) {
            required.add(parameter);
          }
        });
    return required;
  }
}
