package io.illm.lab.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model's duration strings ({@code 30m}, {@code 1h30m}, {@code 90s}) to and from {@link
 * Duration}.
 *
 * <p>The DSL formats with it, the validator and the operator parse with it, so every part of the
 * lab reads a duration the same way. {@link #format} is canonical: hours, then minutes, then
 * seconds, each only when not zero ({@code 5400s} is written {@code 1h30m}); zero is {@code 0s}.
 */
public final class Durations {

  /** The pattern every duration field of the model carries. */
  public static final String PATTERN = "^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$";

  private static final Pattern SHAPE = Pattern.compile(PATTERN);
  private static final Pattern PARTS =
      Pattern.compile("(?:([0-9]+)h)?(?:([0-9]+)m)?(?:([0-9]+)s)?");

  private Durations() {}

  /**
   * The canonical text of a duration, e.g. {@code 1h30m}.
   *
   * @throws IllegalArgumentException for a negative duration or one with a fraction of a second,
   *     which the model cannot carry
   */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("negative duration " + duration);
    }
    if (duration.getNano() != 0) {
      throw new IllegalArgumentException(
          "duration " + duration + " is not a whole number of seconds");
    }
    long seconds = duration.getSeconds();
    StringBuilder text = new StringBuilder();
    append(text, seconds / 3600, 'h');
    append(text, seconds % 3600 / 60, 'm');
    append(text, seconds % 60, 's');
    return text.length() == 0 ? "0s" : text.toString();
  }

  /**
   * The duration a text stands for; accepts every text {@link #PATTERN} matches, canonical or not
   * ({@code 90m}, {@code 0h5m}).
   *
   * @throws IllegalArgumentException when the text does not match {@link #PATTERN} or is too large
   *     for a {@link Duration}
   */
  public static Duration parse(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration (write e.g. 90s, 30m, 1h30m)");
    }
    Matcher parts = PARTS.matcher(text);
    parts.matches();
    try {
      long seconds =
          Math.addExact(
              Math.addExact(
                  Math.multiplyExact(number(parts.group(1)), 3600),
                  Math.multiplyExact(number(parts.group(2)), 60)),
              number(parts.group(3)));
      return Duration.ofSeconds(seconds);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("duration \"" + text + "\" is too large", e);
    }
  }

  /** True when {@link #parse} accepts the text. */
  public static boolean isValid(String text) {
    try {
      parse(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static long number(String digits) {
    return digits == null ? 0 : Long.parseLong(digits);
  }

  private static void append(StringBuilder text, long amount, char unit) {
    if (amount != 0) {
      text.append(amount).append(unit);
    }
  }
}
