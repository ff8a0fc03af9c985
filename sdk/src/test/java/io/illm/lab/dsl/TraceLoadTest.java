package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.workflowTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TraceLoad: telemetrygen into each OTLP endpoint at once, typed and recorded like the others. */
class TraceLoadTest {

  private static final TraceLoad LOAD =
      TraceLoad.telemetrygen("app", "tempo:4317", "jaeger-collector:4317")
          .tracesPerSecond(50)
          .childSpans(4)
          .duration(Duration.ofMinutes(20));

  @Test
  void theDefaultsAndTheSpansASecondFollowFromTheTypedValues() {
    TraceLoad defaults = TraceLoad.telemetrygen("app", "tempo:4317");
    assertEquals(10, defaults.tracesPerSecond());
    assertEquals(4, defaults.childSpans());
    assertEquals(Duration.ofMinutes(10), defaults.duration());
    assertEquals(50, defaults.spansPerSecond());
    assertEquals(250, LOAD.spansPerSecond());
    assertEquals(List.of("tempo:4317", "jaeger-collector:4317"), LOAD.endpoints());
  }

  @Test
  void theStepIsNamedTracesAndItsDurationATemplateParameter() {
    StepDef step = LOAD.step();
    assertEquals("traces", step.name());
    assertEquals(
        "{{workflow.parameters.traces-seconds}}", step.arguments().get("duration-seconds"));
    assertEquals("{{workflow.parameters.app-endpoint}}", step.arguments().get("endpoint"));
    assertEquals(
        new WorkflowParam("traces-seconds", "1200", "seconds of traces"), LOAD.durationParam());
    Map<String, String> env = step.script().env();
    assertEquals("tempo:4317 jaeger-collector:4317", env.get("ENDPOINTS"));
    assertEquals("50", env.get("TRACES_PER_SECOND"));
    assertEquals("4", env.get("CHILD_SPANS"));
    assertEquals(LabSteps.TELEMETRYGEN_IMAGE, env.get("TELEMETRYGEN_IMAGE"));
    assertEquals("app", env.get("TARGET"));
  }

  @Test
  void recordLoadKeepsEveryOutputAndTheTemplateMatchesArgosSchema() {
    WorkflowTemplate built = template().build();
    String main = LabYaml.write(built.getSpec().getTemplates().get(0));
    for (String output : List.of("traces", "spans-per-second", "endpoints", "duration-seconds")) {
      assertTrue(
          main.contains(output + "={{steps.traces.outputs.parameters." + output + "}}"), main);
    }
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    JsonNode tree = LabYaml.json().valueToTree(built);
    ((ObjectNode) tree.path("metadata")).put("namespace", "argo-workflows");
    assertEquals(List.of(), schemas.check("traces", tree));
  }

  @Test
  void theScriptRunsOneGeneratorPerEndpointAndReportsWhatWasSent(@TempDir Path dir)
      throws Exception {
    StepScripts.Run run =
        StepScripts.run(
            LOAD.step(),
            Map.of(
                "experiment-name", "exp",
                "endpoint", "https://kubernetes.default.svc",
                "duration-seconds", "60"),
            dir);
    assertEquals("1200", run.outputs().get("traces"));
    assertEquals("250", run.outputs().get("spans-per-second"));
    assertEquals("2", run.outputs().get("endpoints"));
    assertEquals("60", run.outputs().get("duration-seconds"));
    String jobs = run.applied();
    assertTrue(jobs.contains("name: lab-traces-1") && jobs.contains("name: lab-traces-2"), jobs);
    assertTrue(jobs.contains("--otlp-endpoint=tempo:4317"), jobs);
    assertTrue(jobs.contains("--otlp-endpoint=jaeger-collector:4317"), jobs);
    assertTrue(jobs.contains("--rate=50") && jobs.contains("--child-spans=4"), jobs);
    assertTrue(jobs.contains("--duration=60s"), jobs);
    assertTrue(
        run.calls().stream().allMatch(call -> call.startsWith("hub ")),
        "a hub target is reached in-cluster: " + run.calls());
  }

  private static WorkflowTemplateDef template() {
    return workflowTemplate("traces")
        .param(LabSteps.EXPERIMENT_NAME, LabSteps.endpoint("app"), LOAD.durationParam())
        .step(LabSteps.waitForWorkloads(Duration.ofMinutes(5), "app"))
        .step(LabSteps.smoke("smoke", "app", "tempo", 3100, "/ready"))
        .step(LOAD.step())
        .step(LabSteps.recordLoad(LOAD.step()));
  }
}
