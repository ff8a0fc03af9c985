package io.illm.lab.dsl;

/**
 * Something a target deploys: a component value ({@link ComponentDef}) or a component with
 * parameters set ({@link Deployment}).
 */
public sealed interface Deployable permits ComponentDef, Deployment {

  /**
   * The component with a declared parameter set to a value of its type; a parameter the component
   * does not declare is a problem {@code build()} reports.
   *
   * <p>Default: the component's own default for the parameter.
   */
  <T> Deployment with(Param<T> param, T value);

  /**
   * The component with a Helm value set by path, e.g. {@code with("prometheus.retention", "24h")}:
   * the escape hatch for values the component does not declare.
   *
   * <p>Default: the component's own value.
   */
  Deployment with(String name, String value);

  /** This, as a deployment without parameters when it is a bare component. */
  Deployment deployment();
}
