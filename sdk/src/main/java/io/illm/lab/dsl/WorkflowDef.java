package io.illm.lab.dsl;

import java.util.Map;
import java.util.TreeMap;

/** The Argo WorkflowTemplate run once every target is ready; made with {@link Lab#workflow}. */
public final class WorkflowDef {

  private final String template;
  private final Map<String, String> params = new TreeMap<>();

  WorkflowDef(String template) {
    this.template = template;
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

  Map<String, String> params() {
    return params.isEmpty() ? null : new TreeMap<>(params);
  }
}
