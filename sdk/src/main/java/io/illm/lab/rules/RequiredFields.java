package io.illm.lab.rules;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.List;

/**
 * The fields an experiment cannot run without: a spec, at least one target, each with a name and a
 * cluster provider, a workflow naming its WorkflowTemplate and how the run ends, and a query for
 * every metric. The CRD requires them too; the rules check them themselves because the operator has
 * no schema to check with, and {@code validate} leaves them to the rules (so each is reported
 * once).
 */
final class RequiredFields {

  private final List<Problem> problems;

  RequiredFields(List<Problem> problems) {
    this.problems = problems;
  }

  /** Reports what {@code spec} lacks; true when there is a spec to check further. */
  boolean check(ExperimentSpec spec) {
    if (spec == null) {
      problems.add(
          Problems.error(
              "spec", "an experiment needs a spec", "add spec with targets and a workflow"));
      return false;
    }
    targets(spec.getTargets());
    workflow(spec.getWorkflow());
    queries(spec.getMetrics() == null ? null : spec.getMetrics().getQueries());
    return true;
  }

  private void targets(List<Target> targets) {
    if (targets == null || targets.isEmpty()) {
      problems.add(
          Problems.error(
              "spec.targets",
              "an experiment needs at least one target",
              "add a target with a name and a cluster"));
      return;
    }
    for (int i = 0; i < targets.size(); i++) {
      target("spec.targets[" + i + "]", targets.get(i));
    }
  }

  private void target(String path, Target target) {
    if (target == null) {
      problems.add(
          Problems.error(path, "a target is empty", "give it a name and a cluster, or remove it"));
      return;
    }
    if (blank(target.getName())) {
      problems.add(
          Problems.error(
              path + ".name",
              "a target needs a name",
              "lowercase letters, digits and '-', e.g. app"));
    }
    String which =
        blank(target.getName()) ? "the target" : "target " + Names.quote(target.getName());
    if (target.getCluster() == null) {
      problems.add(
          Problems.error(
              path + ".cluster",
              which + " has no cluster",
              "set cluster.provider: gke, eks, aks or hub"));
    } else if (target.getCluster().getProvider() == null) {
      problems.add(
          Problems.error(
              path + ".cluster.provider",
              which + " has no cluster provider",
              "gke, eks, aks or hub"));
    }
  }

  private void workflow(WorkflowSpec workflow) {
    if (workflow == null) {
      problems.add(
          Problems.error(
              "spec.workflow",
              "an experiment needs a workflow",
              "add workflow with a template (the WorkflowTemplate to run) and a completion"));
      return;
    }
    if (blank(workflow.getTemplate())) {
      problems.add(
          Problems.error(
              "spec.workflow.template",
              "the workflow names no WorkflowTemplate",
              "add template: the name of the WorkflowTemplate to run"));
    }
    if (workflow.getCompletion() == null) {
      problems.add(
          Problems.error(
              "spec.workflow.completion",
              "nothing says what ends the Running phase",
              "add completion with mode workflow (the workflow's end) or manual"));
    }
  }

  private void queries(List<MetricQuery> queries) {
    for (int i = 0; queries != null && i < queries.size(); i++) {
      MetricQuery query = queries.get(i);
      if (query != null && blank(query.getQuery())) {
        problems.add(
            Problems.error(
                "spec.metrics.queries[" + i + "].query",
                "metric " + Names.quote(String.valueOf(query.getName())) + " has no query",
                "add query: a PromQL expression"));
      }
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
