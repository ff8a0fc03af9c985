package io.illm.lab.synth;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.ExperimentRules;
import io.illm.lab.rules.KnownTemplates;
import io.illm.lab.rules.Problem;
import io.illm.lab.rules.TemplateSignature;
import io.illm.lab.validate.WorkflowTemplates;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where synth writes the WorkflowTemplates a catalogue lists: next to the first experiment (by
 * name) that runs each, as {@code experiments/<name>/workflow-template.yaml}, in the namespace Argo
 * Workflows runs the lab's Workflows in; and what the set needs checked: every experiment's
 * workflow against the templates, names unique, and templates no experiment runs (a warning: they
 * are not written).
 */
public final class TemplateFiles {

  /** The file name of a template next to its experiment. */
  public static final String FILE = "workflow-template.yaml";

  private TemplateFiles() {}

  /** Each template that an experiment runs, by the path it is written to. */
  public static SortedMap<String, WorkflowTemplate> placed(
      List<Experiment> experiments, List<WorkflowTemplate> templates) {
    Map<String, WorkflowTemplate> byName = new LinkedHashMap<>();
    templates.forEach(t -> byName.putIfAbsent(t.getMetadata().getName(), t));
    SortedMap<String, WorkflowTemplate> placed = new TreeMap<>();
    List<Experiment> sorted = new ArrayList<>(experiments);
    sorted.sort(Comparator.comparing(e -> e.getMetadata().getName()));
    for (Experiment experiment : sorted) {
      String name = template(experiment);
      WorkflowTemplate template = byName.remove(name == null ? "" : name);
      if (template != null) {
        placed.put(
            "experiments/" + experiment.getMetadata().getName() + "/" + FILE, namespaced(template));
      }
    }
    return placed;
  }

  /** Every experiment's workflow against the templates, duplicate and unused templates. */
  public static List<Problem> check(
      List<Experiment> experiments, List<WorkflowTemplate> templates) {
    List<Problem> problems = new ArrayList<>();
    KnownTemplates known = KnownTemplates.of(signatures(templates), !templates.isEmpty());
    for (Experiment experiment : experiments) {
      ExperimentRules.workflow(experiment.getSpec(), known).stream()
          .map(p -> p.inFile(Synth.experimentPath(experiment)))
          .forEach(problems::add);
    }
    Map<String, Integer> seen = new TreeMap<>();
    for (WorkflowTemplate template : templates) {
      String name = template.getMetadata().getName();
      if (seen.merge(name, 1, Integer::sum) == 2) {
        problems.add(
            Problem.error(
                "WorkflowTemplate " + name,
                "metadata.name",
                "two WorkflowTemplates are named \"" + name + "\"",
                "names are unique; rename one"));
      }
      if (experiments.stream().noneMatch(e -> name.equals(template(e)))) {
        problems.add(
            Problem.warning(
                "WorkflowTemplate " + name,
                "metadata.name",
                "no experiment runs WorkflowTemplate \"" + name + "\"; it is not written",
                "name it in an experiment's workflow(...) or drop it from the catalogue"));
      }
    }
    return problems;
  }

  /** The rules' view of each template. */
  public static List<TemplateSignature> signatures(List<WorkflowTemplate> templates) {
    return templates.stream()
        .map(t -> WorkflowTemplates.signature(LabYaml.json().valueToTree(t)).orElseThrow())
        .toList();
  }

  private static String template(Experiment experiment) {
    return experiment.getSpec() == null || experiment.getSpec().getWorkflow() == null
        ? null
        : experiment.getSpec().getWorkflow().getTemplate();
  }

  /** A copy in the Workflows' namespace unless it names one. */
  private static WorkflowTemplate namespaced(WorkflowTemplate template) {
    if (template.getMetadata().getNamespace() != null) {
      return template;
    }
    WorkflowTemplate copy = new WorkflowTemplate();
    ObjectMeta metadata = new ObjectMeta();
    metadata.setName(template.getMetadata().getName());
    metadata.setNamespace(WorkflowTemplates.NAMESPACE);
    metadata.setAnnotations(template.getMetadata().getAnnotations());
    metadata.setLabels(template.getMetadata().getLabels());
    copy.setMetadata(metadata);
    copy.setSpec(template.getSpec());
    return copy;
  }
}
