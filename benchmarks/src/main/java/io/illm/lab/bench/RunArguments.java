package io.illm.lab.bench;

import java.nio.file.Path;

/**
 * The arguments both synthesis programs take: the number of experiments (first argument, else the
 * environment variable {@code EXPERIMENTS_N}) and the output directory (second argument). Plain
 * Java only: the Jackson baseline uses it too.
 */
record RunArguments(int count, Path out) {

  static final String COUNT_VARIABLE = "EXPERIMENTS_N";

  /**
   * Parses the arguments; an unusable count ends the program with a one-line message and exit code
   * 2.
   */
  static RunArguments parse(String[] args, String program, String defaultOut) {
    String count = args.length > 0 ? args[0] : System.getenv(COUNT_VARIABLE);
    if (count == null || count.isBlank()) {
      return usage(program, "no experiment count given");
    }
    int n;
    try {
      n = Integer.parseInt(count.trim());
    } catch (NumberFormatException e) {
      return usage(program, "experiment count \"" + count + "\" is not a number");
    }
    if (n < 1) {
      return usage(program, "experiment count " + n + " must be at least 1");
    }
    return new RunArguments(n, Path.of(args.length > 1 ? args[1] : defaultOut));
  }

  private static RunArguments usage(String program, String problem) {
    System.err.println(
        program
            + ": "
            + problem
            + " (usage: "
            + program
            + " N [output-dir], or set "
            + COUNT_VARIABLE
            + ")");
    System.exit(2);
    throw new AssertionError("unreachable");
  }
}
