package io.illm.lab.operator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.operator.metrics.Attempt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSummariesTest {

  @Test
  void rawAnswersAreNamedByMetricAndTargetAndWindowOnlyWhenThereAreSeveral() {
    var one =
        RunSummaries.raw(
            List.of(
                new Attempt.Raw("cpu", "app", 0, "{a}"), new Attempt.Raw("mem", null, 0, "{b}")));
    assertEquals(List.of("cpu/app.json", "mem/_experiment.json"), List.copyOf(one.keySet()));
    assertEquals("{a}", new String(one.get("cpu/app.json"), StandardCharsets.UTF_8));

    var windows =
        RunSummaries.raw(
            List.of(
                new Attempt.Raw("cpu", "app", 0, "{a}"), new Attempt.Raw("cpu", "app", 1, "{c}")));
    assertEquals(List.of("cpu/app-w0.json", "cpu/app-w1.json"), List.copyOf(windows.keySet()));
  }
}
