package io.illm.lab.dsl;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A component as one target deploys it: which component and the parameters set for it. Immutable.
 * Made from a component value ({@code HELLO_APP.with(...)}) or, as an escape hatch for components
 * that are not Java values, by name ({@link Lab#app}, {@link Lab#workflowRef}, {@link Lab#config}).
 */
public final class Deployment implements Deployable {

  private final ComponentType kind;
  private final String name;
  private final ComponentDef component;
  private final Map<String, String> params = new TreeMap<>();
  private final List<Param<?>> typed = new ArrayList<>();

  Deployment(ComponentType kind, String name, ComponentDef component) {
    this.kind = kind;
    this.name = name;
    this.component = component;
  }

  private Deployment copy() {
    Deployment copy = new Deployment(kind, name, component);
    copy.params.putAll(params);
    copy.typed.addAll(typed);
    return copy;
  }

  @Override
  public <T> Deployment with(Param<T> param, T value) {
    Objects.requireNonNull(value, () -> "value of " + param.name());
    Deployment copy = with(param.name(), String.valueOf(value));
    copy.typed.add(param);
    return copy;
  }

  @Override
  public Deployment with(String name, String value) {
    Deployment copy = copy();
    copy.params.put(name, Objects.requireNonNull(value, () -> "value of " + name));
    return copy;
  }

  @Override
  public Deployment deployment() {
    return this;
  }

  /** The component's name. */
  public String name() {
    return name;
  }

  /** The component value, or null for a by-name reference. */
  ComponentDef component() {
    return component;
  }

  /** Typed parameters the component does not declare (none for by-name references). */
  List<Param<?>> undeclared() {
    List<Param<?>> undeclared = new ArrayList<>();
    if (component != null) {
      for (Param<?> param : typed) {
        if (!component.declares(param)) {
          undeclared.add(param);
        }
      }
    }
    return undeclared;
  }

  ComponentRef ref() {
    ComponentRef ref = new ComponentRef();
    ComponentType effective = kind == null ? ComponentType.APP : kind;
    switch (effective) {
      case WORKFLOW -> ref.setWorkflow(name);
      case CONFIG -> ref.setConfig(name);
      default -> ref.setApp(name);
    }
    ref.setParams(params.isEmpty() ? null : new TreeMap<>(params));
    return ref;
  }
}
