package io.illm.lab.dsl;

import io.illm.lab.model.Durations;
import io.illm.lab.rules.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The problems one {@code build()} finds, collected so that all of them are reported at once. */
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

  /**
   * Adds the validator's problems, except where the DSL already reported a problem on the same
   * field or one enclosing or inside it: the DSL's own message says it in DSL terms, and one
   * mistake should be reported once.
   */
  void addValidated(List<Problem> validated) {
    List<String> reported = problems.stream().map(Problem::path).toList();
    for (Problem problem : validated) {
      if (reported.stream().noneMatch(path -> related(path, problem.path()))) {
        problems.add(problem);
      }
    }
  }

  private static boolean related(String a, String b) {
    return a.equals(b) || within(a, b) || within(b, a);
  }

  private static boolean within(String inner, String outer) {
    return inner.startsWith(outer)
        && inner.length() > outer.length()
        && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
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
