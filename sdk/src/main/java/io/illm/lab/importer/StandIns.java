package io.illm.lab.importer;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Target;
import io.illm.lab.rules.FieldPath;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalogue an imported experiment is validated against: the components imported with it, and a
 * stand-in for each one it references that is not among them. Import converts files; it cannot see
 * the rest of a lab's catalogue, so such a reference is noted as unchecked rather than reported as
 * unknown.
 */
final class StandIns {

  private final Map<String, Component> components;
  private final List<Problem> notes = new ArrayList<>();

  StandIns(Map<String, Component> imported) {
    this.components = new LinkedHashMap<>(imported);
  }

  ComponentCatalogue catalogueFor(Experiment experiment) {
    List<Target> targets =
        experiment.getSpec() == null || experiment.getSpec().getTargets() == null
            ? List.of()
            : experiment.getSpec().getTargets();
    for (int t = 0; t < targets.size(); t++) {
      List<ComponentRef> refs =
          targets.get(t).getComponents() == null ? List.of() : targets.get(t).getComponents();
      for (int c = 0; c < refs.size(); c++) {
        reference(
            refs.get(c), FieldPath.index(FieldPath.index("spec.targets", t) + ".components", c));
      }
    }
    return ComponentCatalogue.of(components.values());
  }

  /** The notes about references that were not checked, without a file. */
  List<Problem> notes() {
    return List.copyOf(notes);
  }

  private void reference(ComponentRef ref, String path) {
    ComponentType type =
        ref.getApp() != null
            ? ComponentType.APP
            : ref.getWorkflow() != null ? ComponentType.WORKFLOW : ComponentType.CONFIG;
    String name =
        ref.getApp() != null
            ? ref.getApp()
            : ref.getWorkflow() != null ? ref.getWorkflow() : ref.getConfig();
    if (name == null) {
      return;
    }
    Component known = components.get(name);
    if (known != null) {
      matchKind(ref, name, known, path, type);
      dropIgnoredParams(ref, name, known, path);
      return;
    }
    notes.add(
        Problem.warning(
            "",
            FieldPath.key(path, type.value()),
            "component "
                + name
                + " is not among the imported files, so this reference is not checked",
            "import the component's YAML together with the experiment"));
    components.put(name, standIn(name, type, ref));
  }

  /**
   * The original looked components up by name whatever the reference's kind (app, workflow,
   * config), so {@code app: metrics-egress} found a config component. Here the kind must match: the
   * reference is rewritten to the component's own kind, and the rewrite is reported.
   */
  private void matchKind(
      ComponentRef ref, String name, Component known, String path, ComponentType asked) {
    ComponentType actual =
        known.getSpec() == null || known.getSpec().getType() == null
            ? ComponentType.APP
            : known.getSpec().getType();
    if (actual == asked) {
      return;
    }
    ref.setApp(actual == ComponentType.APP ? name : null);
    ref.setWorkflow(actual == ComponentType.WORKFLOW ? name : null);
    ref.setConfig(actual == ComponentType.CONFIG ? name : null);
    notes.add(
        Problem.warning(
            "",
            FieldPath.key(path, asked.value()),
            "component "
                + name
                + " is of type "
                + actual.value()
                + ": the reference becomes "
                + actual.value()
                + ": "
                + name,
            "the original resolved components by name whatever the kind; here the kind must match"));
  }

  /**
   * The original silently ignored params on components without a Helm source; here they are an
   * error, so import drops them and says so, param by param.
   */
  private void dropIgnoredParams(ComponentRef ref, String name, Component known, String path) {
    if (ref.getParams() == null || ref.getParams().isEmpty() || hasHelmSource(known)) {
      return;
    }
    for (String param : ref.getParams().keySet().stream().sorted().toList()) {
      notes.add(
          Problem.warning(
              "",
              FieldPath.key(path + ".params", param),
              "not carried over: component "
                  + name
                  + " has no Helm source, so the original ignored this param",
              "give the component a Helm source to make the param take effect"));
    }
    ref.setParams(null);
  }

  private static boolean hasHelmSource(Component component) {
    return component.getSpec() != null
        && component.getSpec().getSources() != null
        && component.getSpec().getSources().stream()
            .anyMatch(s -> s.getChart() != null || s.getHelm() != null);
  }

  /** A component that accepts what the reference asks of it: its type and its params. */
  private static Component standIn(String name, ComponentType type, ComponentRef ref) {
    ComponentSpec spec = new ComponentSpec();
    spec.setType(type);
    if (ref.getParams() != null && !ref.getParams().isEmpty()) {
      List<ComponentParameter> parameters = new ArrayList<>();
      ref.getParams().keySet().stream()
          .sorted()
          .forEach(
              param -> {
                ComponentParameter parameter = new ComponentParameter();
                parameter.setName(param);
                parameters.add(parameter);
              });
      spec.setParameters(parameters);
      // Params need a Helm source to take effect; a stand-in is assumed to have one.
      ComponentSource chart = new ComponentSource();
      chart.setRepoURL("https://stand-in.invalid/charts");
      chart.setChart(name);
      spec.setSources(List.of(chart));
    }
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(name);
    Component component = new Component();
    component.setMetadata(metadata);
    component.setSpec(spec);
    return component;
  }
}
