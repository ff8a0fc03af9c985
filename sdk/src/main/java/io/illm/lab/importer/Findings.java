package io.illm.lab.importer;

import io.illm.lab.rules.Problem;
import java.util.ArrayList;
import java.util.List;

/** The problems found in one file while importing it; every finding names the file. */
final class Findings {

  private final String file;
  private final String prefix;
  private final List<Problem> problems = new ArrayList<>();

  /**
   * @param file the file, as problems name it
   * @param prefix where the document is in the file, e.g. {@code items[2]} in a List; usually empty
   */
  Findings(String file, String prefix) {
    this.file = file;
    this.prefix = prefix;
  }

  void warn(String path, String message, String hint) {
    problems.add(Problem.warning(file, path, message, hint).under(prefix));
  }

  void error(String path, String message, String hint) {
    problems.add(Problem.error(file, path, message, hint).under(prefix));
  }

  boolean hasErrorsSince(int mark) {
    return problems.subList(mark, problems.size()).stream().anyMatch(Problem::isError);
  }

  /** How many problems there are so far; pass it to {@link #hasErrorsSince}. */
  int mark() {
    return problems.size();
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }
}
