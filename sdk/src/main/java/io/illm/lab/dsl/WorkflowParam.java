package io.illm.lab.dsl;

/**
 * A parameter a WorkflowTemplate declares ({@code spec.arguments.parameters}); made with {@link
 * Lab#workflowParam}. Immutable: every method returns a new value.
 *
 * @param name the parameter's name
 * @param defaultValue its default; null makes it required (an experiment must give it)
 * @param description what it means, shown by Argo
 */
public record WorkflowParam(String name, String defaultValue, String description) {

  /**
   * The value used when a Workflow gives none.
   *
   * <p>Default: none: the parameter is required.
   */
  public WorkflowParam defaultValue(String value) {
    return new WorkflowParam(name, value, description);
  }

  /**
   * What the parameter means.
   *
   * <p>Default: none.
   */
  public WorkflowParam describe(String text) {
    return new WorkflowParam(name, defaultValue, text);
  }

  /** The expression a step's argument uses for the parameter's value. */
  public String ref() {
    return "{{workflow.parameters." + name + "}}";
  }
}
