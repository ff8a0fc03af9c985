package io.illm.lab.rules;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentType;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a component reference names: one of app, workflow and config. */
public final class ComponentRefs {

  private ComponentRefs() {}

  /**
   * The component a reference names, or null unless exactly one of app, workflow and config is set
   * and it is not blank: a reference the rules accept always has one.
   */
  public static String name(ComponentRef ref) {
    Map<ComponentType, String> set = set(ref);
    if (set.size() != 1) {
      return null;
    }
    String name = set.values().iterator().next();
    return name.isBlank() ? null : name;
  }

  /**
   * The fields set (not null), by the kind of component each names, in the order app, workflow,
   * config.
   */
  static Map<ComponentType, String> set(ComponentRef ref) {
    Map<ComponentType, String> set = new LinkedHashMap<>();
    if (ref == null) {
      return set;
    }
    if (ref.getApp() != null) {
      set.put(ComponentType.APP, ref.getApp());
    }
    if (ref.getWorkflow() != null) {
      set.put(ComponentType.WORKFLOW, ref.getWorkflow());
    }
    if (ref.getConfig() != null) {
      set.put(ComponentType.CONFIG, ref.getConfig());
    }
    return set;
  }
}
