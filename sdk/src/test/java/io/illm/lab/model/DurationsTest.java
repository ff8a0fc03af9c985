package io.illm.lab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "0, 0s",
    "1, 1s",
    "59, 59s",
    "60, 1m",
    "61, 1m1s",
    "3599, 59m59s",
    "3600, 1h",
    "3601, 1h1s",
    "3660, 1h1m",
    "5400, 1h30m",
    "86400, 24h",
    "604800, 168h",
    "90061, 25h1m1s"
  })
  void formatIsCanonical(long seconds, String text) {
    assertEquals(text, Durations.format(Duration.ofSeconds(seconds)));
    assertEquals(Duration.ofSeconds(seconds), Durations.parse(text));
  }

  @ParameterizedTest
  @CsvSource({"90m, 5400", "0h5m, 300", "120s, 120", "1h90s, 3690", "00m, 0", "0h, 0"})
  void parseAcceptsNonCanonicalText(String text, long seconds) {
    assertEquals(Duration.ofSeconds(seconds), Durations.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "1",
        "1d",
        "1h30",
        "m",
        "1s1m",
        "1m1h",
        "-1s",
        "1.5h",
        " 1h",
        "1H",
        "99999999999999999999s",
        "9223372036854775807h"
      })
  void parseRejectsWhatThePatternOrDurationCannotCarry(String text) {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(text));
    assertFalse(Durations.isValid(text));
  }

  @Test
  void parseRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
  }

  @Test
  void formatRejectsNegativeAndFractionalDurations() {
    IllegalArgumentException negative =
        assertThrows(
            IllegalArgumentException.class, () -> Durations.format(Duration.ofSeconds(-1)));
    assertTrue(negative.getMessage().contains("negative"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Durations.format(Duration.ofMillis(1500)));
  }

  @Test
  void everyWholeSecondDurationSurvivesFormatThenParseAndMatchesThePattern() {
    qt().forAll(longs().between(0, Long.MAX_VALUE / 2))
        .checkAssert(
            seconds -> {
              String text = Durations.format(Duration.ofSeconds(seconds));
              assertTrue(text.matches(Durations.PATTERN), text);
              assertEquals(Duration.ofSeconds(seconds), Durations.parse(text));
            });
  }

  @Test
  void formatOfParseIsStableOnceCanonical() {
    qt().forAll(
            longs().between(0, 100_000), longs().between(0, 100_000), longs().between(0, 100_000))
        .checkAssert(
            (h, m, s) -> {
              String canonical = Durations.format(Durations.parse(h + "h" + m + "m" + s + "s"));
              assertEquals(canonical, Durations.format(Durations.parse(canonical)));
            });
  }
}
