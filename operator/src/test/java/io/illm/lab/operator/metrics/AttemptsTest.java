package io.illm.lab.operator.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptsTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void rawAnswersAreNamedByMetricAndTargetAndWindowOnlyWhenThePlanHasSeveral() {
    QueryPlan single =
        QueryPlan.of(
            "e", MetricSpecs.spec(MetricSpecs.instant("cpu", "up")), T0, T0.plusSeconds(60), 1);
    var one =
        Attempts.rawFiles(
            single,
            List.of(
                new Attempt.Raw("cpu", "app", 0, "{a}"), new Attempt.Raw("mem", null, 0, "{b}")));
    assertEquals(List.of("cpu/app.json", "mem/_experiment.json"), List.copyOf(one.keySet()));
    assertEquals("{a}", one.get("cpu/app.json"));

    QueryPlan two =
        QueryPlan.of(
            "e", MetricSpecs.spec(MetricSpecs.instant("cpu", "up")), T0, T0.plusSeconds(60), 2);
    var windows =
        Attempts.rawFiles(
            two,
            List.of(
                new Attempt.Raw("cpu", "app", 0, "{a}"), new Attempt.Raw("cpu", "app", 1, "{c}")));
    assertEquals(List.of("cpu/app-w0.json", "cpu/app-w1.json"), List.copyOf(windows.keySet()));
  }
}
