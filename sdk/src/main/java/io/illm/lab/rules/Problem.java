package io.illm.lab.rules;

import java.util.Comparator;

/**
 * One problem with an input: where it is (file and field path), what is wrong, and how to fix it.
 *
 * <p>Rendered as {@code file: path: message (hint)}, the format every command prints.
 *
 * @param file the file (or object, e.g. {@code experiments/hello-app}) the problem is in; may be
 *     empty when there is no file, as in the DSL
 * @param path the field path in JSON-path style without the leading {@code $.}, e.g. {@code
 *     spec.targets[1].depends[0]}; empty for the whole document
 * @param message what is wrong, in one sentence without a trailing period
 * @param hint how to fix it; may be empty
 * @param severity errors make the input invalid; warnings are reported and let it pass
 */
public record Problem(String file, String path, String message, String hint, Severity severity) {

  /** How bad a problem is. */
  public enum Severity {
    /** The input is invalid. */
    ERROR,
    /** Reported; the input is still usable (for example a field import could not carry over). */
    WARNING
  }

  /** Orders problems by file, then path, then message: the order every command prints them in. */
  public static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::file)
          .thenComparing(Problem::path)
          .thenComparing(Problem::message);

  public Problem {
    file = file == null ? "" : file;
    path = path == null ? "" : path;
    hint = hint == null ? "" : hint;
    severity = severity == null ? Severity.ERROR : severity;
  }

  /** An error. */
  public static Problem error(String file, String path, String message, String hint) {
    return new Problem(file, path, message, hint, Severity.ERROR);
  }

  /** A warning. */
  public static Problem warning(String file, String path, String message, String hint) {
    return new Problem(file, path, message, hint, Severity.WARNING);
  }

  /** True for errors. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** The same problem, in another file. */
  public Problem inFile(String newFile) {
    return new Problem(newFile, path, message, hint, severity);
  }

  /** The same problem, with its path under a prefix ({@code spec} + {@code targets[0]}). */
  public Problem under(String prefix) {
    String joined =
        prefix.isEmpty()
            ? path
            : path.isEmpty() ? prefix : path.startsWith("[") ? prefix + path : prefix + "." + path;
    return new Problem(file, joined, message, hint, severity);
  }

  /** {@code file: path: message (hint)}, leaving out what is empty; warnings say so. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    if (!file.isEmpty()) {
      out.append(file).append(": ");
    }
    if (!path.isEmpty()) {
      out.append(path).append(": ");
    }
    if (severity == Severity.WARNING) {
      out.append("warning: ");
    }
    out.append(message);
    if (!hint.isEmpty()) {
      out.append(" (").append(hint).append(')');
    }
    return out.toString();
  }
}
