package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationTextTest {

  @ParameterizedTest(name = "{0} = {1}s")
  @CsvSource({
    "30m, 1800",
    "1h30m, 5400",
    "90s, 90",
    "1h5s, 3605",
    "2h, 7200",
    "0s, 0",
    "168h, 604800"
  })
  void parses(String text, long seconds) {
    assertEquals(Optional.of(Duration.ofSeconds(seconds)), DurationText.parse(text));
  }

  @ParameterizedTest(name = "\"{0}\" is not a duration")
  @ValueSource(
      strings = {"", "1d", "h", "30", "1m1h", "-5m", "1.5h", "9999999999999999999999h", "8785h"})
  void rejects(String text) {
    assertEquals(Optional.empty(), DurationText.parse(text));
  }

  @ParameterizedTest(name = "{0}s is {1}")
  @CsvSource({"1800, 30m", "5400, 1h30m", "90, 1m30s", "3605, 1h5s", "0, 0s"})
  void formatsInTheSameNotation(long seconds, String text) {
    assertEquals(text, DurationText.format(Duration.ofSeconds(seconds)));
  }
}
