package io.illm.lab.rules;

import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.HelmParameter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The rules of a component: its sources and parameters. */
public final class ComponentRules {

  private final List<Problem> problems = new ArrayList<>();

  private ComponentRules() {}

  /**
   * Every problem with a component's spec: it has a source; a source is a chart or a Git path, not
   * both; {@code $values/...} values files name a source's ref; parameter and Helm parameter names
   * are unique; defaults fit their type. Paths start at {@code spec}; the problems carry no file.
   *
   * @param name the component's name ({@code metadata.name}), for messages; may be null
   * @param spec the component's spec; null gives no problems (the schema requires it)
   */
  public static List<Problem> check(String name, ComponentSpec spec) {
    ComponentRules rules = new ComponentRules();
    if (spec != null) {
      rules.checkSources(name, spec.getSources());
      rules.checkSpec(spec);
    }
    return ExperimentRules.sorted(rules.problems);
  }

  /** Required by the CRD too; checked here, so the DSL and validate say it the same way. */
  private void checkSources(String name, List<ComponentSource> sources) {
    if (sources == null || sources.isEmpty()) {
      problems.add(
          Problems.error(
              "spec.sources",
              (name == null ? "the component" : "component " + Names.quote(name))
                  + " has no source",
              "add a source: a Helm chart (repoURL and chart) or a Git path (repoURL and path)"));
    }
  }

  private void checkSpec(ComponentSpec spec) {
    List<ComponentSource> sources = spec.getSources() == null ? List.of() : spec.getSources();
    Set<String> refs = new TreeSet<>();
    sources.stream()
        .filter(s -> s != null && s.getRef() != null)
        .forEach(s -> refs.add(s.getRef()));
    for (int i = 0; i < sources.size(); i++) {
      if (sources.get(i) != null) {
        checkSource("spec.sources[" + i + "]", sources.get(i), refs);
      }
    }
    checkParameters(spec.getParameters());
  }

  /**
   * Twin of CEL "a source is a Helm chart (chart) or a Git path (path), not both"; value refs
   * resolve.
   */
  private void checkSource(String path, ComponentSource source, Set<String> refs) {
    if (source.getChart() != null && source.getPath() != null) {
      problems.add(
          Problems.error(
              path,
              "a source is a Helm chart (chart) or a Git path (path), not both",
              "remove chart or path"));
    }
    if (source.getHelm() != null) {
      checkValuesFiles(path, source.getHelm().getValuesFiles(), refs);
      checkHelmParameters(path, source.getHelm().getParameters());
    }
  }

  /** A {@code $ref/...} values file names a source with that ref. */
  private void checkValuesFiles(String path, List<String> valuesFiles, Set<String> refs) {
    for (int k = 0; valuesFiles != null && k < valuesFiles.size(); k++) {
      String valuesFile = valuesFiles.get(k);
      if (valuesFile == null || !valuesFile.startsWith("$")) {
        continue;
      }
      int slash = valuesFile.indexOf('/');
      String ref = slash < 0 ? valuesFile.substring(1) : valuesFile.substring(1, slash);
      if (!refs.contains(ref)) {
        problems.add(
            Problems.error(
                path + ".helm.valuesFiles[" + k + "]",
                Names.quote(valuesFile)
                    + " refers to a source with ref "
                    + Names.quote(ref)
                    + ", and there is none",
                "add a source with repoURL and ref: " + ref));
      }
    }
  }

  private void checkHelmParameters(String path, List<HelmParameter> parameters) {
    Map<String, Integer> first = new HashMap<>();
    for (int k = 0; parameters != null && k < parameters.size(); k++) {
      HelmParameter parameter = parameters.get(k);
      if (parameter != null && parameter.getName() != null) {
        Integer earlier = first.putIfAbsent(parameter.getName(), k);
        if (earlier != null) {
          problems.add(
              Problems.error(
                  path + ".helm.parameters[" + k + "].name",
                  "Helm parameter "
                      + Names.quote(parameter.getName())
                      + " is also parameters["
                      + earlier
                      + "]",
                  "keep one of them"));
        }
      }
    }
  }

  private void checkParameters(List<ComponentParameter> parameters) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; parameters != null && i < parameters.size(); i++) {
      ComponentParameter parameter = parameters.get(i);
      if (parameter == null || parameter.getName() == null) {
        continue;
      }
      String path = "spec.parameters[" + i + "]";
      Integer earlier = first.putIfAbsent(parameter.getName(), i);
      if (earlier != null) {
        problems.add(
            Problems.error(
                path + ".name",
                "parameter names must be unique: "
                    + Names.quote(parameter.getName())
                    + " is also spec.parameters["
                    + earlier
                    + "]",
                "rename one of them"));
      }
      String value = parameter.getDefaultValue();
      if (value != null && !ComponentRefRules.fitsType(value, parameter.getType())) {
        problems.add(
            Problems.error(
                path + ".default",
                "default "
                    + Names.quote(value)
                    + " is not "
                    + ComponentRefRules.typeName(parameter.getType()),
                ComponentRefRules.typeHint(parameter.getType())));
      }
      if (value != null && Boolean.TRUE.equals(parameter.getRequired())) {
        problems.add(
            Problems.warning(
                path,
                "a required parameter's default is never used",
                "remove the default or make the parameter optional"));
      }
    }
  }
}
