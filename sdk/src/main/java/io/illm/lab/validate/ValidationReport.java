package io.illm.lab.validate;

import io.illm.lab.rules.Problem;
import java.util.List;

/**
 * What a validation of files found.
 *
 * @param problems every problem, sorted by {@link Problem#ORDER}
 * @param documents how many YAML documents were read
 * @param files how many files were read
 */
public record ValidationReport(List<Problem> problems, int documents, int files) {

  public ValidationReport {
    problems = problems.stream().sorted(Problem.ORDER).toList();
  }

  /** How many problems are errors. */
  public long errors() {
    return problems.stream().filter(Problem::isError).count();
  }

  /** How many problems are warnings. */
  public long warnings() {
    return problems.size() - errors();
  }

  /** True when there is no error (warnings allowed). */
  public boolean valid() {
    return errors() == 0;
  }

  /** {@code validated 12 documents in 8 files: 0 errors, 1 warning}. */
  public String summary() {
    return "validated "
        + plural(documents, "document")
        + " in "
        + plural(files, "file")
        + ": "
        + plural(errors(), "error")
        + ", "
        + plural(warnings(), "warning");
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
