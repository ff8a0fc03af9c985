package io.illm.lab.rules;

import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Target;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A target's component references: each names one component ({@link #checkShapes}, on the spec
 * alone), which exists in the catalogue with that type and takes the params given ({@link
 * #checkAgainst}).
 */
final class ComponentRefRules {

  private final List<Problem> problems;

  ComponentRefRules(List<Problem> problems) {
    this.problems = problems;
  }

  /** Twin of CEL "set exactly one of app, workflow and config"; the name is not blank. */
  void checkShapes(List<Target> targets) {
    forEachRef(
        targets,
        (path, ref) -> {
          Map<ComponentType, String> set = ComponentRefs.set(ref);
          if (set.size() != 1) {
            problems.add(
                Problems.error(
                    path,
                    "set exactly one of app, workflow and config",
                    set.isEmpty()
                        ? "name the component with app: <name>"
                        : "split it into one reference per component"));
          } else if (ComponentRefs.name(ref) == null) {
            ComponentType kind = set.keySet().iterator().next();
            problems.add(
                Problems.error(
                    path + "." + kind.value(),
                    "the component name is empty",
                    "name the component, e.g. " + kind.value() + ": hello-app"));
          }
        });
  }

  /**
   * The references {@link #checkShapes} accepts, against the known components: the component exists
   * (unless the view is partial), has the referenced type, and takes the params.
   */
  void checkAgainst(KnownComponents components, List<Target> targets) {
    forEachRef(
        targets,
        (path, ref) -> {
          String name = ComponentRefs.name(ref);
          if (name != null) {
            checkRef(components, path, ref, name);
          }
        });
  }

  private static void forEachRef(List<Target> targets, BiConsumer<String, ComponentRef> check) {
    for (int i = 0; targets != null && i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target == null || target.getComponents() == null) {
        continue;
      }
      for (int c = 0; c < target.getComponents().size(); c++) {
        ComponentRef ref = target.getComponents().get(c);
        if (ref != null) {
          check.accept("spec.targets[" + i + "].components[" + c + "]", ref);
        }
      }
    }
  }

  private void checkRef(KnownComponents components, String path, ComponentRef ref, String name) {
    ComponentType kind = ComponentRefs.set(ref).keySet().iterator().next();
    String namePath = path + "." + kind.value();
    Optional<ComponentSpec> found = components.spec(name);
    if (found.isEmpty()) {
      if (components.complete() && !components.names().contains(name)) {
        problems.add(
            Problems.error(
                namePath,
                "unknown component " + Names.quote(name),
                Names.suggest(name, components.names(), "components")));
      }
      return;
    }
    ComponentSpec spec = found.get();
    ComponentType actual = spec.getType() == null ? ComponentType.APP : spec.getType();
    if (actual != kind) {
      problems.add(
          Problems.error(
              namePath,
              "component " + Names.quote(name) + " is of type " + actual + ", not " + kind,
              "reference it with " + actual + ": " + name));
    }
    checkParams(path, ref, name, spec);
  }

  private void checkParams(String path, ComponentRef ref, String name, ComponentSpec spec) {
    Map<String, String> params = ref.getParams() == null ? Map.of() : ref.getParams();
    if (!params.isEmpty() && !hasHelmSource(spec)) {
      problems.add(
          Problems.error(
              path + ".params",
              "component " + Names.quote(name) + " has no Helm source, so params would be ignored",
              "remove params, or give the component a Helm source (chart or helm)"));
      return;
    }
    List<ComponentParameter> declared =
        spec.getParameters() == null ? List.of() : spec.getParameters();
    for (ComponentParameter parameter : declared) {
      if (parameter == null || parameter.getName() == null) {
        continue;
      }
      String value = params.get(parameter.getName());
      if (value == null && Boolean.TRUE.equals(parameter.getRequired())) {
        problems.add(
            Problems.error(
                path + ".params",
                "required parameter " + Names.quote(parameter.getName()) + " is not set",
                "add params: {" + parameter.getName() + ": ...}"));
      } else if (value != null && !fitsType(value, parameter.getType())) {
        problems.add(
            Problems.error(
                FieldPath.key(path + ".params", parameter.getName()),
                Names.quote(value) + " is not " + typeName(parameter.getType()),
                typeHint(parameter.getType())));
      }
    }
  }

  /**
   * True when the component has a source Helm renders (a chart, or a Git path with helm options).
   */
  static boolean hasHelmSource(ComponentSpec spec) {
    List<ComponentSource> sources = spec.getSources();
    return sources != null
        && sources.stream()
            .anyMatch(s -> s != null && (s.getChart() != null || s.getHelm() != null));
  }

  /** True when a parameter value (always a string) reads as its declared type. */
  static boolean fitsType(String value, ParameterType type) {
    if (type == ParameterType.INT) {
      return value.matches("-?[0-9]{1,18}");
    }
    if (type == ParameterType.BOOL) {
      return value.equals("true") || value.equals("false");
    }
    return true;
  }

  /** "an int" or "a bool", for messages about values that do not fit. */
  static String typeName(ParameterType type) {
    return type == ParameterType.INT ? "an int" : "a bool";
  }

  /** What a value of the type looks like. */
  static String typeHint(ParameterType type) {
    return type == ParameterType.INT ? "a decimal integer, e.g. 3" : "true or false";
  }
}
