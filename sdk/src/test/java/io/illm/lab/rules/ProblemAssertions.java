package io.illm.lab.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

/** Assertions on problem lists that print every problem when they fail. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  /** Some error is at exactly {@code path} and its message contains {@code text}; returns it. */
  public static Problem assertError(List<Problem> problems, String path, String text) {
    for (Problem problem : problems) {
      if (problem.isError() && problem.path().equals(path) && problem.message().contains(text)) {
        return problem;
      }
    }
    return fail("no error at " + path + " containing \"" + text + "\" in:\n" + show(problems));
  }

  /** Some warning is at exactly {@code path} and its message contains {@code text}; returns it. */
  public static Problem assertWarning(List<Problem> problems, String path, String text) {
    for (Problem problem : problems) {
      if (!problem.isError() && problem.path().equals(path) && problem.message().contains(text)) {
        return problem;
      }
    }
    return fail("no warning at " + path + " containing \"" + text + "\" in:\n" + show(problems));
  }

  public static void assertNoProblems(List<Problem> problems) {
    assertTrue(problems.isEmpty(), () -> "expected no problems, got:\n" + show(problems));
  }

  public static void assertNoErrors(List<Problem> problems) {
    assertTrue(
        problems.stream().noneMatch(Problem::isError),
        () -> "expected no errors, got:\n" + show(problems));
  }

  public static String show(List<Problem> problems) {
    return problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
