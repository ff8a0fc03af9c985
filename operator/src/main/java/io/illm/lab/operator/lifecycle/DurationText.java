package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Durations;
import io.illm.lab.rules.ExperimentRules;
import java.time.Duration;
import java.util.Optional;

/**
 * Durations as the model writes them ({@code 30m}, {@code 1h30m}, {@code 90s}), through {@link
 * Durations}, with the one rule the engine adds: longer than a year is a typo.
 */
final class DurationText {

  /**
   * Longer than a year is a typo, and would overflow instant arithmetic if much longer; the rules
   * refuse such a spec ({@link ExperimentRules#MAX_DURATION}).
   */
  static final Duration MAX = ExperimentRules.MAX_DURATION;

  private DurationText() {}

  /** The duration, or empty when the text is not one or is longer than {@link #MAX}. */
  static Optional<Duration> parse(String text) {
    if (!Durations.isValid(text)) {
      return Optional.empty();
    }
    Duration duration = Durations.parse(text);
    return duration.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(duration);
  }

  /** The canonical text for {@code d}, e.g. {@code 1h30m}; negative durations read as 0s. */
  static String format(Duration d) {
    return Durations.format(Duration.ofSeconds(Math.max(0, d.getSeconds())));
  }
}
