package io.illm.lab.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowRulesTest {

  private static final TemplateSignature LOAD =
      new TemplateSignature(
          "load-test",
          Map.of("experiment-name", false, "app-endpoint", false, "rate", true, "path", false));

  private static final KnownTemplates ALL = KnownTemplates.of(List.of(LOAD), true);

  @Test
  void aWorkflowGivingWhatTheTemplateNeedsHasNoProblem() {
    assertEquals(List.of(), ExperimentRules.workflow(spec("load-test", Map.of("path", "/")), ALL));
  }

  @Test
  void anUnknownTemplateIsAnErrorAtItsPathWithTheCloseName() {
    List<Problem> problems = ExperimentRules.workflow(spec("load-tset", Map.of()), ALL);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("spec.workflow.template", problems.get(0).path());
    assertTrue(problems.get(0).message().contains("unknown WorkflowTemplate \"load-tset\""));
    assertEquals("did you mean load-test?", problems.get(0).hint());
  }

  @Test
  void anUnknownTemplateIsLeftAloneByAPartialView() {
    KnownTemplates partial = KnownTemplates.of(List.of(LOAD), false);
    assertEquals(List.of(), ExperimentRules.workflow(spec("other", Map.of()), partial));
    assertEquals(List.of(), ExperimentRules.workflow(spec("other", Map.of()), KnownTemplates.NONE));
  }

  @Test
  void aParamTheTemplateDoesNotDeclareIsAnErrorAtItsKey() {
    List<Problem> problems =
        ExperimentRules.workflow(spec("load-test", Map.of("path", "/", "rtae", "5")), ALL);
    assertEquals(
        List.of("spec.workflow.params[\"rtae\"]"), problems.stream().map(Problem::path).toList());
    assertEquals("did you mean rate?", problems.get(0).hint());
  }

  @Test
  void aRequiredParameterNobodyGivesIsAnError() {
    List<Problem> problems = ExperimentRules.workflow(spec("load-test", Map.of()), ALL);
    assertEquals(List.of("spec.workflow.params"), problems.stream().map(Problem::path).toList());
    assertTrue(problems.get(0).message().contains("needs parameter \"path\""), problems.toString());
  }

  @Test
  void theOperatorsParametersCountAsGivenForEachTarget() {
    ExperimentSpec noTargets = spec("load-test", Map.of("path", "/"));
    noTargets.setTargets(List.of());
    List<Problem> problems = ExperimentRules.workflow(noTargets, ALL);
    assertTrue(
        problems.stream().anyMatch(p -> p.message().contains("\"app-endpoint\"")),
        "without target app nobody sets app-endpoint: " + problems);
    assertTrue(problems.stream().noneMatch(p -> p.message().contains("\"experiment-name\"")));
  }

  private static ExperimentSpec spec(String template, Map<String, String> params) {
    ExperimentSpec spec = new ExperimentSpec();
    Target app = new Target();
    app.setName("app");
    spec.setTargets(List.of(app));
    WorkflowSpec workflow = new WorkflowSpec();
    workflow.setTemplate(template);
    workflow.setParams(params);
    spec.setWorkflow(workflow);
    return spec;
  }
}
