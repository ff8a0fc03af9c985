package io.illm.lab.validate;

import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an input has errors; carries every problem found, not only the first. */
public class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem> problems;

  public InvalidInputException(String what, List<Problem> problems) {
    super(
        what
            + " is invalid:\n"
            + problems.stream()
                .sorted(Problem.ORDER)
                .map(p -> "  " + p)
                .collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, errors and warnings. */
  public List<Problem> problems() {
    return problems;
  }
}
