package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowTemplateDefTest {

  private static WorkflowTemplateDef template() {
    HttpLoad load = HttpLoad.k6("app", "web", 80).rate(50).duration(Duration.ofMinutes(2));
    return workflowTemplate("web-load")
        .describe("web under load")
        .param(LabSteps.EXPERIMENT_NAME, LabSteps.endpoint("app"), load.durationParam())
        .step(LabSteps.waitForWorkloads(Duration.ofMinutes(5), "app"))
        .step(LabSteps.smoke("smoke", "app", "web", 80, "/healthz"))
        .step(load.step())
        .step(LabSteps.recordLoad(load.step()));
  }

  @Test
  void aBuiltTemplateRunsItsStepsInOrderFromMain() {
    WorkflowTemplate built = template().build();
    assertEquals("main", built.getSpec().getEntrypoint());
    var main = built.getSpec().getTemplates().get(0);
    assertEquals(
        List.of("wait-for-workloads", "smoke", "load", "record-load"),
        main.getSteps().stream().map(g -> g.get(0).getName()).toList());
    assertEquals(5, built.getSpec().getTemplates().size(), "main and one script per step");
  }

  @Test
  void theLoadIsTypedAndItsDurationAParameterWithTheTypedDefault() {
    WorkflowTemplate built = template().build();
    var durations =
        built.getSpec().getArguments().getParameters().stream()
            .filter(p -> p.getName().equals(HttpLoad.DURATION_PARAM))
            .toList();
    assertEquals("120", durations.get(0).getValue());
    String load = LabYaml.write(built.getSpec().getTemplates().get(3));
    assertTrue(load.contains("value: \"50\""), "the rate is the script's RATE: " + load);
    assertTrue(load.contains("name: applied-rps"), load);
  }

  @Test
  void recordLoadReadsEveryOutputOfTheLoadStepAndIsAWorkflowOutput() {
    WorkflowTemplate built = template().build();
    String record = LabYaml.write(built.getSpec().getTemplates().get(4));
    assertTrue(record.contains("globalName: load"), record);
    String main = LabYaml.write(built.getSpec().getTemplates().get(0));
    assertTrue(main.contains("applied-rps={{steps.load.outputs.parameters.applied-rps}}"), main);
  }

  @Test
  void aStepInputWithoutValueAndDuplicateStepNamesAreReportedWithPaths() {
    WorkflowTemplateDef broken =
        workflowTemplate("broken")
            .step(step("a", script("alpine:3.20", "echo $X").input("x")))
            .step(step("a", script("alpine:3.20", "true")).with("y", "1"));
    InvalidInputException e = assertThrows(InvalidInputException.class, broken::build);
    assertEquals(
        List.of(
            "spec.templates[0].steps[0][0].arguments",
            "spec.templates[0].steps[1][0].arguments",
            "spec.templates[0].steps[1][0].name"),
        e.problems().stream().map(Problem::path).sorted().toList(),
        e.getMessage());
  }

  @Test
  void anExperimentBuiltWithATypedTemplateChecksItsParams() {
    ExperimentDef experiment =
        experiment("web")
            .target(target("app").on(hub()))
            .workflow(workflow(template()).param("load-second", "60"))
            .completeOn(CompletionMode.WORKFLOW);
    InvalidInputException e = assertThrows(InvalidInputException.class, experiment::build);
    assertEquals(
        List.of("spec.workflow.params[\"load-second\"]"),
        e.problems().stream().filter(Problem::isError).map(Problem::path).toList(),
        e.getMessage());
  }

  @Test
  void theBuiltTemplateMatchesArgosSchema() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    JsonNode tree = LabYaml.json().valueToTree(template().build());
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("metadata"))
        .put("namespace", "argo-workflows");
    assertEquals(List.of(), schemas.check("web-load", tree));
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("spec")).put("entrypiont", "x");
    assertEquals(
        List.of("spec.entrypiont"),
        schemas.check("web-load", tree).stream().map(Problem::path).toList());
  }

  @Test
  void signatureSaysWhichParametersHaveDefaults() {
    assertEquals(
        Map.of("experiment-name", false, "app-endpoint", false, "load-seconds", true),
        template().signature().parameters());
  }
}
