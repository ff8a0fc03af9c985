package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An experiment's workflow against the WorkflowTemplates known: the template exists, every {@code
 * params} entry is a parameter it declares, and every parameter it declares without a default gets
 * a value, from {@code params} or from the operator, which adds {@code experiment-name} and {@code
 * <target>-endpoint} per target to every Workflow.
 */
final class WorkflowRules {

  /** The parameter the operator sets to the experiment's name on every Workflow. */
  static final String EXPERIMENT_NAME = "experiment-name";

  /** The suffix of the parameter the operator sets to each target's API endpoint. */
  static final String ENDPOINT_SUFFIX = "-endpoint";

  private final List<Problem> problems;

  WorkflowRules(List<Problem> problems) {
    this.problems = problems;
  }

  void check(ExperimentSpec spec, KnownTemplates templates) {
    WorkflowSpec workflow = spec.getWorkflow();
    if (workflow == null || workflow.getTemplate() == null) {
      return; // RequiredFields reports it
    }
    var template = templates.find(workflow.getTemplate());
    if (template.isEmpty()) {
      if (templates.complete()) {
        problems.add(
            Problems.error(
                "spec.workflow.template",
                "unknown WorkflowTemplate " + Names.quote(workflow.getTemplate()),
                Names.suggest(workflow.getTemplate(), templates.names(), "WorkflowTemplates")));
      }
      return;
    }
    Map<String, String> params = workflow.getParams() == null ? Map.of() : workflow.getParams();
    checkDeclared(template.get(), params);
    checkSupplied(template.get(), params.keySet(), spec.getTargets());
  }

  /** Every param given is one the template declares. */
  private void checkDeclared(TemplateSignature template, Map<String, String> params) {
    for (String name : new TreeSet<>(params.keySet())) {
      if (!template.parameters().containsKey(name)) {
        problems.add(
            Problems.error(
                "spec.workflow.params[\"" + name + "\"]",
                "WorkflowTemplate "
                    + Names.quote(template.name())
                    + " has no parameter "
                    + Names.quote(name),
                Names.suggest(name, template.parameters().keySet(), "parameters")));
      }
    }
  }

  /** Every parameter without a default gets a value, from the params or from the operator. */
  private void checkSupplied(TemplateSignature template, Set<String> given, List<Target> targets) {
    Set<String> supplied = new TreeSet<>(given);
    supplied.add(EXPERIMENT_NAME);
    if (targets != null) {
      targets.stream()
          .filter(t -> t != null && t.getName() != null)
          .forEach(t -> supplied.add(t.getName() + ENDPOINT_SUFFIX));
    }
    for (String required : template.required()) {
      if (!supplied.contains(required)) {
        problems.add(
            Problems.error(
                "spec.workflow.params",
                "WorkflowTemplate "
                    + Names.quote(template.name())
                    + " needs parameter "
                    + Names.quote(required)
                    + ", which has no default",
                "set it: workflow(...).param(\""
                    + required
                    + "\", value), or params: {"
                    + required
                    + ": ...} in YAML"));
      }
    }
  }
}
