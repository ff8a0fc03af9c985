package io.illm.lab.platform.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Phase;
import io.illm.lab.yaml.LabYaml;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/**
 * The Experiment health check as ArgoCD runs it: the Lua script with the object as the global
 * {@code obj}, returning a table with status and message (run here by LuaJ, as ArgoCD's gopher-lua
 * would).
 */
class ExperimentHealthTest {

  @Test
  void noStatusYetIsProgressing() {
    assertEquals(
        Map.of("status", "Progressing", "message", "Pending: waiting for the operator"),
        health("metadata: {name: x}"));
  }

  @Test
  void everyRunningPhaseIsProgressingWithPhaseAndStep() {
    for (String phase : new String[] {"Pending", "Provisioning", "Ready", "Running"}) {
      assertEquals(
          Map.of("status", "Progressing", "message", phase + " / Workload"),
          health("status: {phase: " + phase + ", step: Workload}"));
    }
    assertEquals(
        Map.of("status", "Progressing", "message", "Running"), health("status: {phase: Running}"));
  }

  @Test
  void completeIsHealthy() {
    assertEquals(
        Map.of("status", "Healthy", "message", "results stored"),
        health("status: {phase: Complete, message: results stored}"));
  }

  @Test
  void failedIsDegradedWithTheReasonAndMessage() {
    assertEquals(
        Map.of("status", "Degraded", "message", "ClusterFailed: claim app failed: quota"),
        health(
            """
            status:
              phase: Failed
              message: "claim app failed: quota"
              conditions:
                - {type: Ready, status: "False", reason: Failed}
                - {type: Degraded, status: "True", reason: ClusterFailed}
            """));
    assertEquals(
        Map.of("status", "Degraded", "message", "Failed"), health("status: {phase: Failed}"));
  }

  /** A phase added to the model without a place in the script would show as Progressing forever. */
  @Test
  void everyPhaseOfTheModelHasItsHealth() {
    Map<Phase, String> expected =
        Map.of(
            Phase.PENDING, "Progressing",
            Phase.PROVISIONING, "Progressing",
            Phase.READY, "Progressing",
            Phase.RUNNING, "Progressing",
            Phase.COMPLETE, "Healthy",
            Phase.FAILED, "Degraded");
    assertEquals(java.util.Set.of(Phase.values()), expected.keySet(), "a phase without a health");
    expected.forEach(
        (phase, status) ->
            assertEquals(
                status,
                health("status: {phase: " + phase.value() + "}").get("status"),
                phase.value()));
  }

  @Test
  void theApplicationCheckPassesTheChildsHealthOn() {
    Map<String, String> app =
        run(HealthChecks.application(), "status: {health: {status: Degraded, message: boom}}");
    assertEquals(Map.of("status", "Degraded", "message", "boom"), app);
  }

  private static Map<String, String> health(String yaml) {
    return run(HealthChecks.experiment(), yaml);
  }

  private static Map<String, String> run(String script, String yaml) {
    Globals globals = JsePlatform.standardGlobals();
    try {
      globals.set("obj", lua(LabYaml.readTrustedTree(yaml)));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    LuaValue result = globals.load(script, "health.lua").call();
    return Map.of(
        "status", result.get("status").tojstring(), "message", result.get("message").tojstring());
  }

  /** A YAML tree as the Lua table ArgoCD passes: objects are tables, arrays 1-based tables. */
  private static LuaValue lua(com.fasterxml.jackson.databind.JsonNode node) {
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      node.properties().forEach(e -> table.set(e.getKey(), lua(e.getValue())));
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, lua(node.get(i)));
      }
      return table;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.booleanValue());
    }
    return node.isNull() ? LuaValue.NIL : LuaValue.valueOf(node.asText());
  }
}
