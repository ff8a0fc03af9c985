package io.illm.lab.rules;

import io.illm.lab.model.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Durations as the model writes them ({@code 90s}, {@code 15m}, {@code 1h30m}): well formed, longer
 * than zero, and at most {@link ExperimentRules#MAX_DURATION}. The format is the CRD's pattern; the
 * rules check it themselves because the operator has no schema to check it with.
 */
final class DurationRules {

  private static final Pattern FORMAT = Pattern.compile(Durations.PATTERN);
  private static final String EXAMPLES = "a duration such as 90s, 15m, 2h or 1h30m";

  private final List<Problem> problems;

  DurationRules(List<Problem> problems) {
    this.problems = problems;
  }

  /** The duration {@code text} stands for when it is a sound one; else empty, with a problem. */
  Optional<Duration> read(String path, String text) {
    if (text == null) {
      return Optional.empty();
    }
    if (!FORMAT.matcher(text).matches()) {
      problems.add(Problems.error(path, Names.quote(text) + " is not a duration", EXAMPLES));
      return Optional.empty();
    }
    if (!Durations.isValid(text)) {
      problems.add(
          Problems.error(
              path, "duration " + Names.quote(text) + " is out of range", "use " + EXAMPLES));
      return Optional.empty();
    }
    Duration duration = Durations.parse(text);
    if (duration.isZero()) {
      problems.add(
          Problems.error(path, "duration must be longer than 0s", "use a duration such as 15m"));
      return Optional.empty();
    }
    if (duration.compareTo(ExperimentRules.MAX_DURATION) > 0) {
      problems.add(
          Problems.error(
              path,
              "duration " + Names.quote(text) + " is longer than a year",
              "at most " + Durations.format(ExperimentRules.MAX_DURATION) + " (366 days)"));
      return Optional.empty();
    }
    return Optional.of(duration);
  }
}
