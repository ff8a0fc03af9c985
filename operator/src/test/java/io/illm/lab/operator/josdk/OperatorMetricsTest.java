package io.illm.lab.operator.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javaoperatorsdk.operator.api.monitoring.Metrics.ControllerExecution;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

class OperatorMetricsTest {

  private final OperatorMetrics metrics = new OperatorMetrics();

  @Test
  void countsExecutionsByKindAndOutcome() throws Exception {
    metrics.timeControllerExecution(execution("reconcile", () -> "ok"));
    metrics.timeControllerExecution(execution("reconcile", () -> "ok"));
    assertThrows(
        IllegalStateException.class,
        () ->
            metrics.timeControllerExecution(
                execution(
                    "cleanup",
                    () -> {
                      throw new IllegalStateException("boom");
                    })));

    assertEquals(2, metrics.count("reconcile", "success"));
    assertEquals(1, metrics.count("cleanup", "failure"));
    String text = metrics.prometheusText();
    assertTrue(
        text.contains(
            "illm_operator_executions_total{execution=\"reconcile\",outcome=\"success\"} 2\n"),
        text);
    assertTrue(
        text.contains(
            "illm_operator_executions_total{execution=\"cleanup\",outcome=\"failure\"} 1\n"),
        text);
    assertTrue(text.contains("# TYPE illm_operator_execution_seconds_sum counter\n"), text);
  }

  private static ControllerExecution<String> execution(String name, Callable<String> body) {
    return new ControllerExecution<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String controllerName() {
        return "experiment";
      }

      @Override
      public String successTypeName(String result) {
        return "ok";
      }

      @Override
      public ResourceID resourceID() {
        return new ResourceID("tsdb", "lab");
      }

      @Override
      public Map<String, Object> metadata() {
        return Map.of();
      }

      @Override
      public String execute() throws Exception {
        return body.call();
      }
    };
  }
}
