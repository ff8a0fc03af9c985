package io.illm.lab.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP load from a load generator's target against another target's external address, and manifests
 * applied to a target ({@link LabSteps#apply}).
 */
class CrossTargetLoadTest {

  private static final HttpLoad REMOTE =
      HttpLoad.k6("app", "gateway/web", 80).rate(100).vus(50).from("loadgen");

  @Test
  void aLoadOnItsOwnTargetKeepsItsStepAsBefore() {
    StepDef step = HttpLoad.k6("app", "web", 80).step();
    assertEquals("load", step.name());
    assertFalse(step.script().inputs().contains("load-endpoint"));
    assertNull(step.script().env().get("JOB"), "the Job keeps its name lab-k6");
    assertNull(step.script().env().get("LOAD_TARGET"));
  }

  @Test
  void aLoadFromAnotherTargetReadsBothEndpointsAndNamesItsJobAfterTheStep() {
    StepDef step = REMOTE.step("load-web");
    assertEquals("load-web", step.name());
    assertEquals("lab-load-web", step.script().env().get("JOB"));
    assertEquals("loadgen", step.script().env().get("LOAD_TARGET"));
    assertEquals("app", step.script().env().get("TARGET"));
    assertEquals("{{workflow.parameters.app-endpoint}}", step.arguments().get("endpoint"));
    assertEquals("{{workflow.parameters.loadgen-endpoint}}", step.arguments().get("load-endpoint"));
  }

  @Test
  void theScriptReadsTheAddressOnTheAppAndRunsK6OnTheLoadGenerator(@TempDir Path dir)
      throws Exception {
    StepScripts.Run run =
        StepScripts.run(
            REMOTE.step("load-web"),
            Map.of(
                "experiment-name", "exp",
                "endpoint", "https://app.example",
                "load-endpoint", "https://loadgen.example",
                "duration-seconds", "30"),
            dir);
    List<String> calls = run.calls();
    assertTrue(
        calls.stream().anyMatch(c -> c.startsWith("app -n exp get gateway/web -o jsonpath=")),
        calls.toString());
    assertTrue(
        calls.stream().anyMatch(c -> c.startsWith("loadgen create namespace exp")),
        calls.toString());
    assertTrue(
        calls.stream()
            .anyMatch(
                c -> c.startsWith("loadgen -n exp wait --for=condition=complete job/lab-load-web")),
        calls.toString());
    assertFalse(
        calls.stream().anyMatch(c -> c.startsWith("app -n exp apply")),
        "nothing is applied on the app: " + calls);
    assertTrue(run.applied().contains("value: \"http://203.0.113.7:80/\""), run.applied());
    assertTrue(run.applied().contains("name: lab-load-web"), run.applied());
    assertEquals("600", run.outputs().get("requests"));
    assertEquals("0.01", run.outputs().get("failed-ratio"));
  }

  @Test
  void applyWritesTheManifestsOnItsTargetAndWaitsForEachCondition(@TempDir Path dir)
      throws Exception {
    StepDef step =
        LabSteps.apply(
            "routes",
            "app",
            "kind: Gateway\nmetadata: {name: web}\n",
            Duration.ofMinutes(10),
            "gateway/web=Programmed");
    assertEquals("600s", step.script().env().get("TIMEOUT"));
    StepScripts.Run run =
        StepScripts.run(
            step, Map.of("experiment-name", "exp", "endpoint", "https://app.example"), dir);
    assertTrue(
        run.calls()
            .contains("app -n exp wait --for=condition=Programmed gateway/web --timeout=600s"),
        run.calls().toString());
    assertEquals("gateway.gateway.networking.k8s.io/web", run.outputs().get("applied"));
  }
}
