package io.illm.lab.operator.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperatorSettingsTest {

  @Test
  void unsetMeansTheDefaults() {
    assertEquals(
        new OperatorSettings(4, Optional.empty(), 8080, 60, Duration.ofSeconds(2), true, true),
        OperatorSettings.from(Map.of()));
  }

  @Test
  void theEnvironmentSetsConcurrencyLeaderElectionAndPorts() {
    OperatorSettings settings =
        OperatorSettings.from(
            Map.of(
                "ILLM_CONCURRENCY",
                "8",
                "ILLM_LEADER_ELECTION_NAMESPACE",
                "illm-system",
                "ILLM_PROBE_PORT",
                "9090",
                "ILLM_SIM_TIME_FACTOR",
                "1"));

    assertEquals(8, settings.concurrency());
    assertEquals(Optional.of("illm-system"), settings.leaseNamespace());
    assertEquals(9090, settings.probePort());
    assertEquals(1.0, settings.simTimeFactor());
  }

  @Test
  void aMalformedValueSaysWhereAndHowToFixIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OperatorSettings.from(Map.of("ILLM_CONCURRENCY", "many")));

    assertEquals(
        "environment: ILLM_CONCURRENCY: \"many\" is not a positive number (unset it for the default 4.0)",
        e.getMessage());
  }
}
