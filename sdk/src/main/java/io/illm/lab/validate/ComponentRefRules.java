package io.illm.lab.validate;

import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Target;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A target's component references: one kind each, found in the catalogue, params it can take. */
final class ComponentRefRules {

  private final String file;
  private final ComponentCatalogue catalogue;
  private final List<Problem> problems;

  ComponentRefRules(String file, ComponentCatalogue catalogue, List<Problem> problems) {
    this.file = file;
    this.catalogue = catalogue;
    this.problems = problems;
  }

  void check(List<Target> targets) {
    if (targets == null) {
      return;
    }
    for (int i = 0; i < targets.size(); i++) {
      Target target = targets.get(i);
      if (target == null || target.getComponents() == null) {
        continue;
      }
      for (int c = 0; c < target.getComponents().size(); c++) {
        ComponentRef ref = target.getComponents().get(c);
        if (ref != null) {
          checkRef("spec.targets[" + i + "].components[" + c + "]", ref);
        }
      }
    }
  }

  /** Twin of CEL "set exactly one of app, workflow and config", then the catalogue lookup. */
  private void checkRef(String path, ComponentRef ref) {
    Map<ComponentType, String> set = new LinkedHashMap<>();
    if (ref.getApp() != null) {
      set.put(ComponentType.APP, ref.getApp());
    }
    if (ref.getWorkflow() != null) {
      set.put(ComponentType.WORKFLOW, ref.getWorkflow());
    }
    if (ref.getConfig() != null) {
      set.put(ComponentType.CONFIG, ref.getConfig());
    }
    if (set.size() != 1) {
      problems.add(
          Problem.error(
              file,
              path,
              "set exactly one of app, workflow and config",
              set.isEmpty()
                  ? "name the component with app: <name>"
                  : "split it into one reference per component"));
      return;
    }
    ComponentType kind = set.keySet().iterator().next();
    String name = set.get(kind);
    String namePath = path + "." + kind.value();
    Optional<Component> found = catalogue.find(name);
    if (found.isEmpty()) {
      problems.add(
          Problem.error(
              file,
              namePath,
              "unknown component " + SchemaErrors.quote(name),
              Names.suggest(name, catalogue.names(), "components")));
      return;
    }
    Component component = found.get();
    if (component.getSpec() == null) {
      return;
    }
    ComponentType actual =
        component.getSpec().getType() == null ? ComponentType.APP : component.getSpec().getType();
    if (actual != kind) {
      problems.add(
          Problem.error(
              file,
              namePath,
              "component " + SchemaErrors.quote(name) + " is of type " + actual + ", not " + kind,
              "reference it with " + actual + ": " + name));
    }
    checkParams(path, ref, component);
  }

  private void checkParams(String path, ComponentRef ref, Component component) {
    Map<String, String> params = ref.getParams() == null ? Map.of() : ref.getParams();
    if (!params.isEmpty() && !hasHelmSource(component)) {
      problems.add(
          Problem.error(
              file,
              path + ".params",
              "component "
                  + SchemaErrors.quote(component.getMetadata().getName())
                  + " has no Helm source, so params would be ignored",
              "remove params, or give the component a Helm source (chart or helm)"));
      return;
    }
    List<ComponentParameter> declared = component.getSpec().getParameters();
    if (declared == null) {
      return;
    }
    for (ComponentParameter parameter : declared) {
      if (parameter == null || parameter.getName() == null) {
        continue;
      }
      String value = params.get(parameter.getName());
      if (value == null && Boolean.TRUE.equals(parameter.getRequired())) {
        problems.add(
            Problem.error(
                file,
                path + ".params",
                "required parameter " + SchemaErrors.quote(parameter.getName()) + " is not set",
                "add params: {" + parameter.getName() + ": ...}"));
      } else if (value != null && !fitsType(value, parameter.getType())) {
        problems.add(
            Problem.error(
                file,
                FieldPath.key(path + ".params", parameter.getName()),
                SchemaErrors.quote(value)
                    + " is not "
                    + (parameter.getType() == ParameterType.INT ? "an int" : "a bool"),
                parameter.getType() == ParameterType.INT
                    ? "a decimal integer, e.g. 3"
                    : "true or false"));
      }
    }
  }

  /**
   * True when the component has a source Helm renders (a chart, or a Git path with helm options).
   */
  static boolean hasHelmSource(Component component) {
    List<ComponentSource> sources = component.getSpec().getSources();
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
}
