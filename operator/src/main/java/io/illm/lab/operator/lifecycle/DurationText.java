package io.illm.lab.operator.lifecycle;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as the model writes them: {@code 30m}, {@code 1h30m}, {@code 90s}. */
final class DurationText {

  private static final Pattern WHOLE = Pattern.compile("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$");
  private static final Pattern PART = Pattern.compile("([0-9]+)([hms])");

  /** Longer than a year is a typo, and would overflow instant arithmetic if much longer. */
  static final Duration MAX = Duration.ofDays(366);

  private DurationText() {}

  /** The duration, or empty when the text is not one or is longer than {@link #MAX}. */
  static Optional<Duration> parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      Duration total = Duration.ZERO;
      Matcher part = PART.matcher(text);
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total = switch (part.group(2)) {
          case "h" -> total.plus(Duration.ofHours(amount));
          case "m" -> total.plus(Duration.ofMinutes(amount));
          default -> total.plus(Duration.ofSeconds(amount));
        };
      }
      return total.compareTo(MAX) > 0 ? Optional.empty() : Optional.of(total);
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The shortest text for {@code d} in the same notation, e.g. {@code 1h30m}; whole seconds. */
  static String format(Duration d) {
    long seconds = Math.max(0, d.getSeconds());
    StringBuilder text = new StringBuilder();
    if (seconds >= 3600) {
      text.append(seconds / 3600).append('h');
    }
    if (seconds % 3600 >= 60) {
      text.append(seconds % 3600 / 60).append('m');
    }
    if (seconds % 60 > 0 || text.length() == 0) {
      text.append(seconds % 60).append('s');
    }
    return text.toString();
  }
}
