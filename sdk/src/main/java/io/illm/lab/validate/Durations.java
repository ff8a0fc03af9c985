package io.illm.lab.validate;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the lab's durations: {@code 90s}, {@code 15m}, {@code 2h}, {@code 1h30m}. */
final class Durations {

  private static final Pattern FORMAT = Pattern.compile("(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");

  private Durations() {}

  /** The duration, or empty when the text is not one (the schema's pattern reports that). */
  static Optional<Duration> parse(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      long seconds = part(m.group(1), 3600) + part(m.group(2), 60) + part(m.group(3), 1);
      return Optional.of(Duration.ofSeconds(seconds));
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static long part(String digits, long unit) {
    return digits == null ? 0 : Math.multiplyExact(Long.parseLong(digits), unit);
  }

  /** {@code 1h30m} style, for messages. */
  static String format(Duration duration) {
    long s = duration.getSeconds();
    StringBuilder out = new StringBuilder();
    if (s >= 3600) {
      out.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      out.append(s % 3600 / 60).append('m');
    }
    if (s % 60 > 0 || out.length() == 0) {
      out.append(s % 60).append('s');
    }
    return out.toString();
  }
}
