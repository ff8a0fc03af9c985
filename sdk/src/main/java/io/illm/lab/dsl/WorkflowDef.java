package io.illm.lab.dsl;

import io.illm.lab.rules.KnownTemplates;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The Argo WorkflowTemplate run once every target is ready; made with {@link Lab#workflow}. */
public final class WorkflowDef {

  private final String template;
  private final WorkflowTemplateDef definition;
  private final Map<String, String> params = new TreeMap<>();

  WorkflowDef(String template) {
    this.template = template;
    this.definition = null;
  }

  WorkflowDef(WorkflowTemplateDef definition) {
    this.template = definition.name();
    this.definition = definition;
  }

  /**
   * A workflow parameter; repeat for more. The operator adds {@code experiment-name} and {@code
   * <target>-endpoint} itself.
   *
   * <p>Default: only the parameters the operator adds.
   */
  public WorkflowDef param(String name, String value) {
    params.put(name, value);
    return this;
  }

  String template() {
    return template;
  }

  /**
   * The template as far as this definition knows it: the typed template's parameters when it was
   * made from one, else nothing (a template by name is checked by {@code ./lab synth} and {@code
   * ./lab validate}, which know them all).
   */
  KnownTemplates known() {
    return definition == null
        ? KnownTemplates.NONE
        : KnownTemplates.of(List.of(definition.signature()), false);
  }

  Map<String, String> params() {
    return params.isEmpty() ? null : new TreeMap<>(params);
  }
}
