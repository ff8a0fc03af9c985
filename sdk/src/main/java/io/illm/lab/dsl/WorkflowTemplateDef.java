package io.illm.lab.dsl;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.argo.WorkflowTemplateSpec;
import io.illm.lab.argo.workflowtemplatespec.Arguments;
import io.illm.lab.argo.workflowtemplatespec.Templates;
import io.illm.lab.argo.workflowtemplatespec.arguments.Parameters;
import io.illm.lab.argo.workflowtemplatespec.templates.Steps;
import io.illm.lab.rules.Problem;
import io.illm.lab.rules.TemplateSignature;
import io.illm.lab.validate.InvalidInputException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An Argo WorkflowTemplate being written: its parameters and its steps, run in order (a group of
 * steps given together runs in parallel). Made with {@link Lab#workflowTemplate}; {@link #build()}
 * checks it and gives the typed {@link WorkflowTemplate} that {@code ./lab synth} writes to {@code
 * experiments/<experiment>/workflow-template.yaml}.
 *
 * <p>The template's entrypoint is a steps template named {@value #ENTRYPOINT}; each step runs a
 * script template of its own name.
 */
public final class WorkflowTemplateDef {

  /** The name of the steps template that runs the steps. */
  public static final String ENTRYPOINT = "main";

  /** The annotation Argo's UI shows as the template's description. */
  public static final String DESCRIPTION = "workflows.argoproj.io/description";

  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private final String name;
  private String description;
  private final Map<String, WorkflowParam> params = new LinkedHashMap<>();
  private final List<List<StepDef>> groups = new ArrayList<>();
  private Duration deadline;

  WorkflowTemplateDef(String name) {
    this.name = name;
  }

  /** The template's name: what an experiment's {@code workflow.template} names. */
  public String name() {
    return name;
  }

  /** What the template does, for Argo's UI. Default: none. */
  public WorkflowTemplateDef describe(String text) {
    this.description = text;
    return this;
  }

  /** Parameters the template declares; repeat for more. Default: none. */
  public WorkflowTemplateDef param(WorkflowParam... parameters) {
    for (WorkflowParam parameter : parameters) {
      params.put(parameter.name(), parameter);
    }
    return this;
  }

  /** The next step; several given together run in parallel. */
  public WorkflowTemplateDef step(StepDef... parallel) {
    groups.add(List.of(parallel));
    return this;
  }

  /** How long a Workflow of the template may run in all. Default: no limit of its own. */
  public WorkflowTemplateDef deadline(Duration limit) {
    this.deadline = limit;
    return this;
  }

  /** The view the spec rules check an experiment's workflow against. */
  public TemplateSignature signature() {
    Map<String, Boolean> declared = new TreeMap<>();
    params.values().forEach(p -> declared.put(p.name(), p.defaultValue() != null));
    return new TemplateSignature(name, declared);
  }

  /**
   * The WorkflowTemplate, checked: a valid name, at least one step, step names unique and valid,
   * every script input given a value and no value for an input the script lacks.
   *
   * @throws InvalidInputException listing every problem with its path
   */
  public WorkflowTemplate build() {
    List<Problem> problems = check();
    if (problems.stream().anyMatch(Problem::isError)) {
      throw new InvalidInputException("WorkflowTemplate " + name, problems);
    }
    WorkflowTemplate template = new WorkflowTemplate();
    ObjectMetaBuilder metadata = new ObjectMetaBuilder().withName(name);
    if (description != null) {
      metadata.withAnnotations(Map.of(DESCRIPTION, description));
    }
    template.setMetadata(metadata.build());
    template.setSpec(spec());
    return template;
  }

  private WorkflowTemplateSpec spec() {
    WorkflowTemplateSpec spec = new WorkflowTemplateSpec();
    spec.setEntrypoint(ENTRYPOINT);
    if (!params.isEmpty()) {
      Arguments arguments = new Arguments();
      arguments.setParameters(params.values().stream().map(WorkflowTemplateDef::toArgo).toList());
      spec.setArguments(arguments);
    }
    if (deadline != null) {
      spec.setActiveDeadlineSeconds(deadline.toSeconds());
    }
    List<Templates> templates = new ArrayList<>();
    Templates main = new Templates();
    main.setName(ENTRYPOINT);
    List<List<Steps>> steps = new ArrayList<>();
    for (List<StepDef> group : groups) {
      steps.add(group.stream().map(StepDef::toArgo).toList());
      group.forEach(step -> templates.add(step.script().template(step.name())));
    }
    main.setSteps(steps);
    templates.add(0, main);
    spec.setTemplates(templates);
    return spec;
  }

  private static Parameters toArgo(WorkflowParam param) {
    Parameters parameter = new Parameters();
    parameter.setName(param.name());
    parameter.setValue(param.defaultValue());
    parameter.setDescription(param.description());
    return parameter;
  }

  private List<Problem> check() {
    String file = "WorkflowTemplate " + name;
    List<Problem> problems = new ArrayList<>();
    if (name == null || !NAME.matcher(name).matches()) {
      problems.add(
          Problem.error(file, "metadata.name", "not a DNS label: " + name, "e.g. hello-app-run"));
    }
    if (groups.isEmpty()) {
      problems.add(Problem.error(file, "spec.templates", "no steps", "add one with step(...)"));
    }
    Set<String> seen = new TreeSet<>(Set.of(ENTRYPOINT));
    for (int g = 0; g < groups.size(); g++) {
      for (int s = 0; s < groups.get(g).size(); s++) {
        checkStep(file, "spec.templates[0].steps[" + g + "][" + s + "]", groups.get(g).get(s), seen)
            .forEach(problems::add);
      }
    }
    return problems;
  }

  private static List<Problem> checkStep(String file, String path, StepDef step, Set<String> seen) {
    List<Problem> problems = new ArrayList<>();
    if (step.name() == null || !NAME.matcher(step.name()).matches()) {
      problems.add(Problem.error(file, path + ".name", "not a DNS label: " + step.name(), ""));
    } else if (!seen.add(step.name())) {
      problems.add(
          Problem.error(file, path + ".name", "two steps are named " + step.name(), "rename one"));
    }
    for (String input : step.script().inputs()) {
      if (!step.arguments().containsKey(input)) {
        problems.add(
            Problem.error(
                file,
                path + ".arguments",
                "input " + input + " of step " + step.name() + " has no value",
                "give it one with .with(\"" + input + "\", value)"));
      }
    }
    for (String argument : step.arguments().keySet()) {
      if (!step.script().inputs().contains(argument)) {
        problems.add(
            Problem.error(
                file,
                path + ".arguments",
                "step " + step.name() + " has no input " + argument,
                "inputs: " + step.script().inputs()));
      }
    }
    return problems;
  }
}
