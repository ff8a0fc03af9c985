package io.illm.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The site benchmark: {@link SiteMain} (the results site from N summary files, as {@code ./lab
 * site} builds it) against {@link SiteBaselineMain} (the same files read and written with plain
 * Jackson), each a fresh JVM per run, alternating, output deleted before every run (not timed).
 *
 * <p>Both with the JVM's default options and with the options the {@code ./lab} launcher starts
 * Java with (C1 only, serial GC), which is how {@code ./lab site} runs. Arguments: {@code [--runs
 * R] [--warmup W] [--out DIR] [N]}; defaults 7 runs, 1 warm-up, N = 500, output under {@code
 * /dev/shm} where it exists. Needs {@code benchmarks/target/classpath.txt} ({@code
 * benchmarks/site.sh} builds it). The goal: N = 500 under 5 s (median wall time).
 */
public final class SiteBenchmark {

  private static final double GOAL_SECONDS = 5;

  private SiteBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = 7;
    int warmup = 1;
    int n = 500;
    Path base = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--out" -> base = Path.of(args[++i]);
        default -> n = Integer.parseInt(args[i]);
      }
    }
    Path target = Path.of("benchmarks/target");
    Path classpathFile = target.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(
          classpathFile + " is missing: run benchmarks/site.sh (it builds first)");
    }
    String classpath =
        target.resolve("classes").toAbsolutePath()
            + java.io.File.pathSeparator
            + Files.readString(classpathFile).trim();
    if (base == null) {
      Path shm = Path.of("/dev/shm");
      base =
          Files.isDirectory(shm) && Files.isWritable(shm)
              ? shm.resolve("illm-lab-site-bench-" + ProcessHandle.current().pid())
              : target.resolve("site-bench");
    }
    delete(base);
    Path results = base.resolve("results");
    SiteWorkload.write(results, n);
    System.err.printf(
        Locale.ROOT,
        "workload: %d summary files, %.1f MB, in %s%n",
        n,
        size(results) / 1e6,
        results);
    String loadBefore = load();
    TimedProcess timer = new TimedProcess(base.resolve("scratch"));
    List<String> labOptions = labOptions();
    System.out.printf(
        Locale.ROOT,
        "Site benchmark: N = %d summary files (3 targets, %d metrics each), %d runs,"
            + " fresh JVM per run; CPU and peak RSS from %s%n%n",
        n,
        SiteWorkload.METRICS,
        runs,
        timer.source());
    System.out.println(
        "| JVM options | program | median wall | min | max | median CPU | peak RSS |");
    System.out.println("|---|---|---|---|---|---|---|");
    Series[] plain = measure(timer, classpath, List.of(), results, base, n, warmup, runs);
    row("default", "site (SiteBuilder, as ./lab site)", plain[0]);
    row("default", "baseline (Jackson read + write)", plain[1]);
    Series[] lab = measure(timer, classpath, labOptions, results, base, n, warmup, runs);
    row("./lab's: " + String.join(" ", labOptions), "site (SiteBuilder, as ./lab site)", lab[0]);
    row("./lab's: " + String.join(" ", labOptions), "baseline (Jackson read + write)", lab[1]);
    System.out.printf(
        Locale.ROOT,
        "%nsite / baseline, median wall: %.2fx (default), %.2fx (./lab's options)%n",
        plain[0].medianSeconds() / plain[1].medianSeconds(),
        lab[0].medianSeconds() / lab[1].medianSeconds());
    System.out.printf(
        Locale.ROOT,
        "goal: site under %.0f s at N = 500 with ./lab's JVM options (how ./lab site"
            + " runs): %s (%.2f s); with default options: %s (%.2f s)%n",
        GOAL_SECONDS,
        verdict(n, lab[0]),
        lab[0].medianSeconds(),
        verdict(n, plain[0]),
        plain[0].medianSeconds());
    System.out.printf(
        "%nLoad average (1/5/15 min) before: %s, after: %s; %d cores, Java %s%n",
        loadBefore,
        load(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    delete(base);
  }

  private static String verdict(int n, Series site) {
    return n != 500
        ? "not judged (N is not 500)"
        : site.medianSeconds() < GOAL_SECONDS ? "met" : "NOT met";
  }

  /** The JVM options the ./lab launcher starts Java with (its LAB_JAVA_OPTS default). */
  private static List<String> labOptions() throws IOException {
    Path launcher = Path.of("lab");
    if (Files.isRegularFile(launcher)) {
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("\\$\\{LAB_JAVA_OPTS:-([^}]*)}")
              .matcher(Files.readString(launcher));
      if (m.find()) {
        return List.of(m.group(1).trim().split("\\s+"));
      }
    }
    return List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  /** Warm-ups then measured runs of both programs, alternating; returns {site, baseline}. */
  private static Series[] measure(
      TimedProcess timer,
      String classpath,
      List<String> options,
      Path results,
      Path base,
      int n,
      int warmup,
      int runs)
      throws IOException, InterruptedException {
    Series site = new Series();
    Series baseline = new Series();
    for (int i = 0; i < warmup + runs; i++) {
      boolean measured = i >= warmup;
      Path siteOut = base.resolve("site");
      Path jsonOut = base.resolve("json");
      delete(siteOut);
      delete(jsonOut);
      TimedProcess.Measurement s =
          timer.run(
              java(timer, options, classpath, SiteMain.class, results, siteOut), Path.of("."));
      if (i == 0) {
        check(siteOut, n);
      }
      TimedProcess.Measurement b =
          timer.run(
              java(timer, options, classpath, SiteBaselineMain.class, results, jsonOut),
              Path.of("."));
      System.err.printf(
          "%s%s %d: site %s; baseline %s%n",
          options.isEmpty() ? "" : "./lab's options, ",
          measured ? "run" : "warm-up",
          measured ? i - warmup + 1 : i + 1,
          s.describe(),
          b.describe());
      if (measured) {
        site.add(s);
        baseline.add(b);
      }
    }
    return new Series[] {site, baseline};
  }

  private static List<String> java(
      TimedProcess timer,
      List<String> options,
      String classpath,
      Class<?> main,
      Path in,
      Path out) {
    List<String> command =
        new ArrayList<>(
            List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(options);
    command.addAll(timer.jvmOptions());
    command.addAll(List.of("-cp", classpath, main.getName(), in.toString(), out.toString()));
    return command;
  }

  /**
   * The site has an index, a page per run and one per experiment; stops the benchmark otherwise.
   */
  private static void check(Path site, int n) throws IOException {
    long pages;
    try (Stream<Path> files = Files.walk(site.resolve("experiments"))) {
      pages = files.filter(f -> f.toString().endsWith(".html")).count();
    }
    long experiments =
        (n + SiteWorkload.RUNS_PER_EXPERIMENT - 1) / SiteWorkload.RUNS_PER_EXPERIMENT;
    if (!Files.isRegularFile(site.resolve("index.html")) || pages != n + experiments) {
      throw new IllegalStateException(
          "the site is incomplete: "
              + pages
              + " pages under experiments/, expected "
              + (n + experiments));
    }
  }

  private static void row(String options, String name, Series s) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.2f s | %.2f s | %.2f s | %s | %s |%n",
        options,
        name,
        s.medianSeconds(),
        s.minSeconds(),
        s.maxSeconds(),
        s.medianCpuSeconds() < 0 ? "—" : String.format(Locale.ROOT, "%.2f s", s.medianCpuSeconds()),
        s.peakRssMib() < 0 ? "—" : String.format(Locale.ROOT, "%.0f MiB", s.peakRssMib()));
  }

  private static String load() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    if (!Files.isReadable(loadavg)) {
      return "n/a";
    }
    String[] fields = Files.readString(loadavg).trim().split(" ");
    return fields[0] + " " + fields[1] + " " + fields[2];
  }

  private static long size(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void delete(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
