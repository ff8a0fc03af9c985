package io.illm.lab.operator.metrics;

import static io.illm.lab.operator.testing.Testing.gate;
import static io.illm.lab.operator.testing.Testing.instant;
import static io.illm.lab.operator.testing.Testing.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.HypothesisResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

  private static Attempt attempt(double coverage, List<String> failures, String unreachable) {
    return new Attempt(1, List.of(), coverage, failures, unreachable, 0, List.of());
  }

  @Test
  void theDefaultsAreThreeAttemptsHalfCoverageTwoMinutesOnlyForCustomQueries() {
    assertEquals(new Gate(true, 3, 0.5, Duration.ofMinutes(2)), Gate.of(spec(instant("a", "a"))));
    assertEquals(new Gate(false, 1, 0.5, Duration.ofMinutes(2)), Gate.of(spec()));
    assertEquals(
        new Gate(true, 2, 0.9, Duration.ofSeconds(90)),
        Gate.of(gate(spec(), true, 2, 0.9, "1m30s")));
  }

  @Test
  void anAttemptPassesWithEnoughDataAVerdictNoFailedRuleAndAnAnsweringSource() {
    Gate gate = Gate.of(spec(instant("a", "a")));

    assertTrue(gate.passes(attempt(0.5, List.of(), null), HypothesisResult.INVALIDATED));
    assertFalse(gate.passes(attempt(0.49, List.of(), null), HypothesisResult.VALIDATED));
    assertFalse(gate.passes(attempt(1, List.of(), null), HypothesisResult.INSUFFICIENT));
    assertFalse(gate.passes(attempt(1, List.of("a: empty"), null), HypothesisResult.VALIDATED));
    assertFalse(gate.passes(attempt(1, List.of(), "cannot reach"), HypothesisResult.VALIDATED));
    assertTrue(gate.retries(2));
    assertFalse(gate.retries(3));
  }
}
