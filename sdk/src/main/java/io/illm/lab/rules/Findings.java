package io.illm.lab.rules;

import io.illm.lab.model.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in one file (a DSL {@code build()}, an import), collected so that all of them
 * are reported at once; every finding names the file, and its path is under the document's place in
 * the file.
 */
public final class Findings {

  private final String file;
  private final String prefix;
  private final List<Problem> problems = new ArrayList<>();

  /** Findings of the file {@code file}, its document at the top. */
  public Findings(String file) {
    this(file, "");
  }

  /**
   * @param file the file, as problems name it
   * @param prefix where the document is in the file, e.g. {@code items[2]} in a List; usually empty
   */
  public Findings(String file, String prefix) {
    this.file = file;
    this.prefix = prefix;
  }

  /** The file the findings are about. */
  public String file() {
    return file;
  }

  public void error(String path, String message, String hint) {
    problems.add(Problem.error(file, path, message, hint).under(prefix));
  }

  public void warn(String path, String message, String hint) {
    problems.add(Problem.warning(file, path, message, hint).under(prefix));
  }

  /** Adds problems found elsewhere (the validator's), as they are. */
  public void addAll(List<Problem> more) {
    problems.addAll(more);
  }

  /** The model text of a Java duration, or null (and a problem) when the model cannot carry it. */
  public String duration(String path, Duration duration) {
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

  /** How many problems there are so far; pass it to {@link #hasErrorsSince}. */
  public int mark() {
    return problems.size();
  }

  public boolean hasErrorsSince(int mark) {
    return problems.subList(mark, problems.size()).stream().anyMatch(Problem::isError);
  }

  public boolean hasErrors() {
    return hasErrorsSince(0);
  }

  /** Every problem so far, in the order found. */
  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
