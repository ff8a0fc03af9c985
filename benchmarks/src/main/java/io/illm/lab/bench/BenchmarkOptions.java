package io.illm.lab.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link SynthBenchmark}: {@code [--runs R] [--warmup W] [--out DIR]
 * [--catalogue-only] [N ...]}.
 *
 * @param out where the programs write; null for the default
 * @param catalogueOnly only the rows of this repository's own catalogue (no N rows)
 */
record BenchmarkOptions(
    List<Integer> sizes, int warmups, int runs, Path out, boolean catalogueOnly) {

  static final List<Integer> DEFAULT_SIZES = List.of(15, 1_000, 10_000);

  /** Parses the arguments; a bad one ends the program with a one-line message and exit code 2. */
  static BenchmarkOptions parse(String[] args) {
    List<Integer> sizes = new ArrayList<>();
    int warmups = 2;
    int runs = 5;
    Path out = null;
    boolean catalogueOnly = false;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--out" -> out = Path.of(value(args, ++k, "--out"));
        case "--runs" -> runs = positive(args, ++k, "--runs");
        case "--warmup" -> warmups = positive(args, ++k, "--warmup");
        case "--catalogue-only" -> catalogueOnly = true;
        default -> sizes.add(positive(args, k, "N"));
      }
    }
    return new BenchmarkOptions(
        sizes.isEmpty() ? DEFAULT_SIZES : List.copyOf(sizes), warmups, runs, out, catalogueOnly);
  }

  private static String value(String[] args, int k, String what) {
    if (k >= args.length) {
      throw usage(what + " needs a value");
    }
    return args[k];
  }

  private static int positive(String[] args, int k, String what) {
    String text = value(args, k, what);
    try {
      int value = Integer.parseInt(text);
      if (value < 1) {
        throw usage(what + " must be at least 1, got " + value);
      }
      return value;
    } catch (NumberFormatException e) {
      throw usage(what + ": \"" + text + "\" is not a number");
    }
  }

  private static IllegalArgumentException usage(String problem) {
    System.err.println(
        "synth benchmark: "
            + problem
            + " (usage: SynthBenchmark [--runs R] [--warmup W] [--out DIR] [--catalogue-only] [N ...])");
    System.exit(2);
    return new IllegalArgumentException(problem);
  }
}
