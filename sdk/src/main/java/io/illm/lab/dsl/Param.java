package io.illm.lab.dsl;

import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ParameterType;

/**
 * A parameter a component declares, typed so that {@link Deployable#with(Param, Object)} takes only
 * values of its type. Made with {@link Lab#boolParam}, {@link Lab#intParam}, {@link
 * Lab#stringParam} or (type left unsaid) {@link Lab#param}; immutable.
 *
 * @param <T> the Java type of its values
 */
public final class Param<T> {

  private final String name;
  private final ParameterType type;
  private String defaultValue;
  private Boolean required;
  private String description;

  Param(String name, ParameterType type) {
    this.name = name;
    this.type = type;
  }

  private Param<T> copy() {
    Param<T> copy = new Param<>(name, type);
    copy.defaultValue = defaultValue;
    copy.required = required;
    copy.description = description;
    return copy;
  }

  /** The name (for Helm sources, the value path, e.g. {@code grafana.enabled}). */
  public String name() {
    return name;
  }

  /**
   * The value the component uses when an experiment does not set one.
   *
   * <p>Default: none documented.
   */
  public Param<T> defaultValue(T value) {
    return defaultText(String.valueOf(value));
  }

  /**
   * The default as the model's text, unchecked against the type: the escape hatch for imported
   * components.
   *
   * <p>Default: none documented.
   */
  public Param<T> defaultText(String text) {
    Param<T> copy = copy();
    copy.defaultValue = text;
    return copy;
  }

  /**
   * Experiments must set it.
   *
   * <p>Default: optional.
   */
  public Param<T> required() {
    return required(true);
  }

  /**
   * Whether experiments must set it, written even when false.
   *
   * <p>Default: false.
   */
  public Param<T> required(boolean required) {
    Param<T> copy = copy();
    copy.required = required;
    return copy;
  }

  /**
   * What it does.
   *
   * <p>Default: no description.
   */
  public Param<T> describe(String description) {
    Param<T> copy = copy();
    copy.description = description;
    return copy;
  }

  /** True when both name the same parameter of the same type, whatever their documentation. */
  boolean sameAs(Param<?> other) {
    return name.equals(other.name) && effectiveType() == other.effectiveType();
  }

  private ParameterType effectiveType() {
    return type == null ? ParameterType.STRING : type;
  }

  ComponentParameter parameter() {
    ComponentParameter parameter = new ComponentParameter();
    parameter.setName(name);
    parameter.setType(type);
    parameter.setDefaultValue(defaultValue);
    parameter.setRequired(required);
    parameter.setDescription(description);
    return parameter;
  }

  @Override
  public String toString() {
    return name + " (" + effectiveType() + ")";
  }
}
