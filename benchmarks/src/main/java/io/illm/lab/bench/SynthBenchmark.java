package io.illm.lab.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The synthesis benchmark: for each N, the project's synth ({@link SynthMain}) and the plain-Jackson
 * baseline ({@link JacksonBaselineMain}) each run as a fresh JVM, output deleted before every run
 * (untimed), warm-up runs first (the first one's output is checked against the workload), then the
 * measured runs, alternating between the two tools. Prints a markdown table on standard output,
 * progress on standard error.
 *
 * <p>Usage: {@code SynthBenchmark [--runs R] [--warmup W] [--out DIR] [N ...]}; defaults: 5 runs, 2
 * warm-ups, N = 15, 1000, 10000, output in a fresh folder under {@code /dev/shm} (RAM) where it
 * exists, else under {@code benchmarks/target/bench-out}. Needs {@code benchmarks/target/classpath.txt} (written by {@code package}).
 */
public final class SynthBenchmark {

  private static final List<Integer> DEFAULT_SIZES = List.of(15, 1_000, 10_000);
  private static final double RATIO_GOAL = 1.5;
  private static final double LAB_GOAL_SECONDS = 0.6;
  private static final int LAB_GOAL_EXPERIMENTS = 15;
  private static final Pattern LAUNCHER_OPTIONS = Pattern.compile("\\$\\{LAB_JAVA_OPTS:-([^}]*)}");

  private final Path repoRoot;
  private final Path outRoot;
  private final String synthClasspath;
  private final String baselineClasspath;
  private final TimedProcess process;
  private final OutputCheck check = new OutputCheck(WorkloadTemplate.load());
  private final int warmups;
  private final int runs;
  private int labExperiments;

  private SynthBenchmark(Path classes, Path out, int warmups, int runs) throws IOException {
    Path target = classes.getParent();
    this.repoRoot = target.getParent().getParent();
    this.outRoot = out != null ? out.toAbsolutePath() : defaultOut(target);
    Path classpathFile = target.resolve("classpath.txt");
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(classpathFile + " is missing: build first with"
          + " ./mvnw -q -B -pl benchmarks -am package -DskipTests (or run benchmarks/synth.sh)");
    }
    List<String> dependencies = List.of(Files.readString(classpathFile).trim().split(java.io.File.pathSeparator));
    this.synthClasspath = classpath(classes, dependencies);
    // The baseline gets Jackson and SnakeYAML only, so it cannot lean on anything of ours.
    this.baselineClasspath = classpath(classes, dependencies.stream()
        .filter(jar -> {
          String name = Path.of(jar).getFileName().toString();
          return name.startsWith("jackson-") || name.startsWith("snakeyaml");
        })
        .toList());
    this.process = new TimedProcess(outRoot.resolve("scratch"));
    this.warmups = warmups;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    List<Integer> sizes = new ArrayList<>();
    int warmups = 2;
    int runs = 5;
    Path out = null;
    for (int k = 0; k < args.length; k++) {
      switch (args[k]) {
        case "--out" -> out = Path.of(value(args, ++k, "--out"));
        case "--runs" -> runs = positive(args, ++k, "--runs");
        case "--warmup" -> warmups = positive(args, ++k, "--warmup");
        default -> sizes.add(positive(args, k, "N"));
      }
    }
    try {
      SynthBenchmark benchmark = new SynthBenchmark(ownClasses(), out, warmups, runs);
      try {
        benchmark.run(sizes.isEmpty() ? DEFAULT_SIZES : sizes);
      } finally {
        benchmark.cleanUp();
      }
    } catch (IllegalStateException e) {
      System.err.println("synth benchmark: " + e.getMessage());
      System.exit(1);
    }
  }

  private void run(List<Integer> sizes) throws IOException, InterruptedException {
    String loadBefore = loadAverage();
    ResultTable table = new ResultTable();
    List<String> goals = new ArrayList<>();
    for (int n : sizes) {
      Series synth = new Series();
      Series baseline = new Series();
      measure(n, List.of(), synth, baseline);
      table.add(String.format(Locale.ROOT, "N = %,d", n), synth, baseline);
      double ratio = synth.medianSeconds() / baseline.medianSeconds();
      if (n == 10_000) {
        double cpuRatio = synth.medianCpuSeconds() / baseline.medianCpuSeconds();
        goals.add(goal("N = 10,000 within " + RATIO_GOAL + "x of the baseline", ratio <= RATIO_GOAL,
            ResultTable.ratio(ratio) + " in wall time; " + ResultTable.ratio(cpuRatio) + " in CPU time"));
      }
    }
    Path lab = repoRoot.resolve("lab");
    List<String> labOptions = Files.isExecutable(lab) ? launcherOptions(lab) : List.of();
    if (!labOptions.isEmpty()) {
      // What ./lab synth of 15 experiments costs without the launcher script: same command, same
      // JVM options; the baseline gets the same options, so the ratio stays fair.
      Series synth = new Series();
      Series baseline = new Series();
      measure(LAB_GOAL_EXPERIMENTS, labOptions, synth, baseline);
      table.add("N = " + LAB_GOAL_EXPERIMENTS + ", ./lab's JVM options", synth, baseline);
      goals.add(goal("15 experiments under " + LAB_GOAL_SECONDS + " s as a `lab synth` process with ./lab's"
              + " JVM options (" + String.join(" ", labOptions) + ")",
          synth.medianSeconds() < LAB_GOAL_SECONDS, ResultTable.seconds(synth.medianSeconds())));
    }
    if (Files.isExecutable(lab)) {
      try {
        Series whole = measureLab(lab);
        table.addAlone("`./lab synth` (this repository's catalogue, " + labExperiments + " experiments)", whole);
        goals.add(goal("`./lab synth` of this repository's catalogue under " + LAB_GOAL_SECONDS + " s",
            whole.medianSeconds() < LAB_GOAL_SECONDS, ResultTable.seconds(whole.medianSeconds())));
      } catch (IllegalStateException e) {
        // The launcher belongs to the repository, not to this benchmark: report, keep the table.
        goals.add("`./lab synth`: skipped, it failed: " + e.getMessage().lines().limit(3)
            .reduce((a, b) -> a + " / " + b).orElse(""));
      }
    } else {
      goals.add("`./lab synth`: skipped, no ./lab launcher at " + repoRoot);
    }
    System.out.println(header() + " Load average (1/5/15 min) before: " + loadBefore + ", after: "
        + loadAverage() + ".");
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    goals.forEach(g -> System.out.println("- " + g));
  }

  /** Removes what the runs left; the output folder itself only when nothing else is in it. */
  private void cleanUp() throws IOException {
    for (String dir : List.of("synth", "baseline", "lab", "scratch")) {
      delete(outRoot.resolve(dir));
    }
    try (Stream<Path> left = Files.list(outRoot)) {
      if (left.findAny().isEmpty()) {
        Files.delete(outRoot);
      }
    }
  }

  private void measure(int n, List<String> jvmOptions, Series synth, Series baseline)
      throws IOException, InterruptedException {
    Path synthOut = outRoot.resolve("synth");
    Path baselineOut = outRoot.resolve("baseline");
    List<String> synthCommand = java(jvmOptions, synthClasspath, SynthMain.class, n, synthOut);
    List<String> baselineCommand = java(jvmOptions, baselineClasspath, JacksonBaselineMain.class, n, baselineOut);
    for (int w = 0; w < warmups; w++) {
      once("N=" + n + " synth warm-up " + (w + 1), synthCommand, synthOut);
      once("N=" + n + " Jackson warm-up " + (w + 1), baselineCommand, baselineOut);
      if (w == 0) {
        // Synth also writes the CRDs next to experiments/; only experiments/ is the workload.
        Path experiments = synthOut.resolve("experiments");
        verify("the project's synth (SynthMain)", experiments, n,
            i -> experiments.resolve(new WorkloadValues(i).name()).resolve("experiment.yaml"));
        verify("the Jackson baseline", baselineOut, n,
            i -> baselineOut.resolve(new WorkloadValues(i).name() + ".k8s.yaml"));
      }
    }
    for (int r = 0; r < runs; r++) {
      synth.add(once("N=" + n + " synth run " + (r + 1) + "/" + runs, synthCommand, synthOut));
      baseline.add(once("N=" + n + " Jackson run " + (r + 1) + "/" + runs, baselineCommand, baselineOut));
    }
    delete(synthOut);
    delete(baselineOut);
  }

  private Series measureLab(Path lab) throws IOException, InterruptedException {
    // --root keeps the repository's working tree untouched; the folder is deleted before each run
    // like the other tools' output, so every run writes every file.
    Path labOut = outRoot.resolve("lab");
    Series whole = new Series();
    List<String> command = List.of(lab.toString(), "synth", "--root", labOut.toString());
    for (int w = 0; w < warmups; w++) {
      once("./lab synth warm-up " + (w + 1), command, labOut);
    }
    for (int r = 0; r < runs; r++) {
      whole.add(once("./lab synth run " + (r + 1) + "/" + runs, command, labOut));
    }
    labExperiments = countExperiments(labOut);
    delete(labOut);
    return whole;
  }

  private TimedProcess.Measurement once(String label, List<String> command, Path out)
      throws IOException, InterruptedException {
    delete(out);
    return timed(label, command);
  }

  private TimedProcess.Measurement timed(String label, List<String> command)
      throws IOException, InterruptedException {
    TimedProcess.Measurement m = process.run(command, repoRoot);
    System.err.printf(Locale.ROOT, "%-32s %s%n", label, m.describe());
    return m;
  }

  private void verify(String tool, Path out, int n, IntFunction<Path> fileOf) throws IOException {
    List<String> problems = check.problems(out, n, fileOf);
    if (!problems.isEmpty()) {
      throw new IllegalStateException(OutputCheck.report(tool, problems));
    }
    System.err.println("checked: " + tool + " wrote the " + n + " workload documents");
  }

  private List<String> java(List<String> options, String classpath, Class<?> main, int n, Path out) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(process.jvmOptions());
    command.addAll(List.of("-cp", classpath, main.getName(), Integer.toString(n), out.toString()));
    return command;
  }

  /** The JVM options the ./lab launcher uses by default ({@code ${LAB_JAVA_OPTS:-...}}); empty if none found. */
  static List<String> launcherOptions(Path lab) throws IOException {
    Matcher m = LAUNCHER_OPTIONS.matcher(Files.readString(lab));
    return m.find() ? List.of(m.group(1).trim().split("\\s+")) : List.of();
  }

  private static int countExperiments(Path root) throws IOException {
    Path experiments = root.resolve("experiments");
    if (!Files.isDirectory(experiments)) {
      return 0;
    }
    try (Stream<Path> dirs = Files.list(experiments)) {
      return (int) dirs.filter(d -> Files.isRegularFile(d.resolve("experiment.yaml"))).count();
    }
  }

  private String header() {
    return String.format(Locale.ROOT,
        "Synthesis benchmark, %s, %d cores, Java %s (%s), %s; fresh JVM per run, %d warm-up + %d"
            + " measured runs per tool and N, wall time from spawn to exit; CPU time (user + system, median)"
            + " and peak RSS (highest) from %s.",
        ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("java.vm.name"), System.getProperty("os.name"), warmups, runs,
        process.source()) + " Output under " + outRoot + " (" + fileStoreType(outRoot) + ").";
  }

  /**
   * A RAM file system where there is one: on a shared machine, disk write-back of other work makes
   * 27 MB of small files take anywhere from 1 to 10 s, which would drown the tools' own cost.
   */
  private static Path defaultOut(Path target) {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return shm.resolve("illm-lab-bench-" + ProcessHandle.current().pid());
    }
    return target.resolve("bench-out");
  }

  private static String fileStoreType(Path dir) {
    try {
      Files.createDirectories(dir);
      return Files.getFileStore(dir).type();
    } catch (IOException e) {
      return "file system unknown";
    }
  }

  /** Other work on the machine shows here: wall times mean little when this exceeds the cores. */
  private static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException e) {
      return "n/a";
    }
  }

  private static String goal(String what, boolean met, String measured) {
    return what + ": " + (met ? "met" : "NOT met") + " (" + measured + ")";
  }

  private static String classpath(Path classes, List<String> jars) {
    List<String> entries = new ArrayList<>();
    entries.add(classes.toString());
    entries.addAll(jars);
    return String.join(java.io.File.pathSeparator, entries);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path ownClasses() {
    try {
      return Path.of(SynthBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmark's classes", e);
    }
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
    System.err.println("synth benchmark: " + problem
        + " (usage: SynthBenchmark [--runs R] [--warmup W] [--out DIR] [N ...])");
    System.exit(2);
    return new IllegalArgumentException(problem);
  }
}
