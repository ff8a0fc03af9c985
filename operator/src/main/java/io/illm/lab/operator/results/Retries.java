package io.illm.lab.operator.results;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long {@link StoredResults} keeps trying a store that fails with retryable errors before it
 * keeps the run on the hub instead: exponential backoff from {@code first} up to {@code max}, until
 * {@code deadline} has passed since the first attempt.
 *
 * @param first the wait after the first failure
 * @param max the longest wait between attempts
 * @param deadline how long the store may stay down ({@code ILLM_RESULTS_OUTAGE_DEADLINE}, default
 *     5m)
 */
public record Retries(Duration first, Duration max, Duration deadline) {

  public static final String DEADLINE = "ILLM_RESULTS_OUTAGE_DEADLINE";

  /** 1 s doubling to 30 s, for 5 minutes. */
  public static final Retries DEFAULT =
      new Retries(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(5));

  private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

  public Retries {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    Objects.requireNonNull(deadline, "deadline");
    if (first.isNegative() || max.compareTo(first) < 0 || deadline.isNegative()) {
      throw new IllegalArgumentException("retries: need 0 <= first <= max and deadline >= 0");
    }
  }

  /**
   * The default retries with {@value #DEADLINE} from {@code env} (e.g. {@code 5m}, {@code 90s},
   * {@code PT5M}).
   */
  public static Retries from(Map<String, String> env) {
    String text = env.get(DEADLINE);
    if (text == null || text.isBlank()) {
      return DEFAULT;
    }
    return new Retries(DEFAULT.first, DEFAULT.max, duration(text.trim()));
  }

  /** The wait after {@code failures} failures (1: the first). */
  public Duration backoff(int failures) {
    Duration wait = first;
    for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(max) > 0 ? max : wait;
  }

  private static Duration duration(String text) {
    Matcher simple = SIMPLE.matcher(text);
    if (simple.matches()) {
      long n = Long.parseLong(simple.group(1));
      return switch (simple.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      };
    }
    try {
      Duration parsed = Duration.parse(text);
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (java.time.format.DateTimeParseException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "environment: "
            + DEADLINE
            + ": \""
            + text
            + "\" is not a duration (e.g. 5m, 90s or PT5M; unset it for the default 5m)");
  }
}
