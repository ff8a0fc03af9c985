package io.illm.lab.operator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetriesTest {

  @Test
  void backoffDoublesUpToTheMaximum() {
    Retries retries =
        new Retries(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMinutes(1));
    assertEquals(Duration.ofSeconds(1), retries.backoff(1));
    assertEquals(Duration.ofSeconds(2), retries.backoff(2));
    assertEquals(Duration.ofSeconds(4), retries.backoff(3));
    assertEquals(Duration.ofSeconds(5), retries.backoff(4));
    assertEquals(Duration.ofSeconds(5), retries.backoff(400));
  }

  @Test
  void theOutageDeadlineComesFromTheEnvironment() {
    assertEquals(Retries.DEFAULT, Retries.from(Map.of()));
    assertEquals(Duration.ofSeconds(90), Retries.from(Map.of(Retries.DEADLINE, "90s")).deadline());
    assertEquals(
        Duration.ofMinutes(10), Retries.from(Map.of(Retries.DEADLINE, "PT10M")).deadline());
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> Retries.from(Map.of(Retries.DEADLINE, "soon")));
    assertEquals(
        "environment: ILLM_RESULTS_OUTAGE_DEADLINE: \"soon\" is not a duration"
            + " (e.g. 5m, 90s or PT5M; unset it for the default 5m)",
        e.getMessage());
  }
}
