package io.illm.lab.dsl;

import io.illm.lab.model.Durations;
import io.illm.lab.rules.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems one {@code build()} finds, collected so that all of them are reported at once: the
 * validator's (the schema and the rules), and the few only the builder can know (a Java duration
 * the model cannot carry, a typed parameter the component does not declare).
 */
final class Findings {

  private final String file;
  private final List<Problem> problems = new ArrayList<>();

  Findings(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  void error(String path, String message, String hint) {
    problems.add(Problem.error(file, path, message, hint));
  }

  void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  /** The model text of a duration, or null (and a problem) when the model cannot carry it. */
  String duration(String path, Duration duration) {
    if (duration == null) {
      return null;
    }
    try {
      return Durations.format(duration);
    } catch (IllegalArgumentException e) {
      error(
          path,
          e.getMessage(),
          "use a positive, whole number of seconds, e.g. Duration.ofMinutes(30)");
      return null;
    }
  }

  List<Problem> problems() {
    return problems;
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
