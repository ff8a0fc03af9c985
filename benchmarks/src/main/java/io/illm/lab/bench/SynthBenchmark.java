package io.illm.lab.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The synthesis benchmark: for each N, the project's synth ({@link SynthMain}) and the
 * plain-Jackson baseline ({@link JacksonBaselineMain}) each run as a fresh JVM, output deleted
 * before every run (untimed), warm-up runs first (the first one's output is checked against the
 * workload), then the measured runs, alternating between the two tools. Prints a markdown table on
 * standard output, progress on standard error.
 *
 * <p>Then this repository's own catalogue ({@link CatalogueWorkload}: every component and
 * experiment of dsl-examples, found by annotation) against {@link JacksonCatalogueMain}, in the
 * same format; {@code --catalogue-only} runs just those rows and the {@code ./lab synth} row.
 *
 * <p>Usage: {@code SynthBenchmark [--runs R] [--warmup W] [--out DIR] [--catalogue-only] [N ...]};
 * defaults: 5 runs, 2 warm-ups, N = 15, 1000, 10000, output in a fresh folder under {@code
 * /dev/shm} (RAM) where it exists, else under {@code benchmarks/target/bench-out}. Needs the
 * module's jar and dsl-examples packaged ({@link LabClasspath}: the synth runs on the class path
 * {@code ./lab synth} runs on).
 */
public final class SynthBenchmark {

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
    // The module's jar where there is one: class-data sharing takes jars, not folders.
    Path code = moduleJar(target).orElse(classes);
    this.outRoot = out != null ? out.toAbsolutePath() : defaultOut(target);
    // The synth runs on ./lab synth's class path (LabClasspath says why), without dsl-examples'
    // jar: its catalogue would be found beside the workload's.
    List<String> dependencies = LabClasspath.of(repoRoot).dependencies();
    this.synthClasspath = classpath(code, dependencies);
    // The baseline gets Jackson and SnakeYAML only, so it cannot lean on anything of ours.
    this.baselineClasspath =
        classpath(
            code,
            dependencies.stream()
                .filter(
                    jar -> {
                      String name = Path.of(jar).getFileName().toString();
                      return name.startsWith("jackson-") || name.startsWith("snakeyaml");
                    })
                .toList());
    this.process = new TimedProcess(outRoot.resolve("scratch"));
    this.warmups = warmups;
    this.runs = runs;
  }

  public static void main(String[] args) throws Exception {
    BenchmarkOptions options = BenchmarkOptions.parse(args);
    try {
      SynthBenchmark benchmark =
          new SynthBenchmark(ownClasses(), options.out(), options.warmups(), options.runs());
      try {
        benchmark.run(options.catalogueOnly() ? List.of() : options.sizes());
      } finally {
        benchmark.cleanUp();
      }
    } catch (IllegalStateException e) {
      System.err.println("synth benchmark: " + e.getMessage());
      System.exit(1);
    }
  }

  /** The N rows, the catalogue rows, the ./lab rows; with no N, the catalogue's rows only. */
  private void run(List<Integer> sizes) throws IOException, InterruptedException {
    String loadBefore = loadAverage();
    ResultTable table = new ResultTable();
    List<String> goals = new ArrayList<>();
    List<String> launcher =
        Files.isExecutable(repoRoot.resolve("lab"))
            ? launcherOptions(repoRoot.resolve("lab"))
            : List.of();
    sizeRows(sizes, List.of(), table, goals);
    if (!launcher.isEmpty()) {
      // What users run: ./lab starts Java with these options; the baseline gets them too.
      sizeRows(sizes, launcher, table, goals);
    }
    catalogueRows(launcher, table, goals);
    Path lab = repoRoot.resolve("lab");
    if (Files.isExecutable(lab)) {
      if (!sizes.isEmpty()) {
        launcherSettingsRow(lab, table, goals);
      }
      launcherRow(lab, table, goals);
    } else {
      goals.add("`./lab synth`: skipped, no ./lab launcher at " + repoRoot);
    }
    System.out.println(
        header()
            + " Load average (1/5/15 min) before: "
            + loadBefore
            + ", after: "
            + loadAverage()
            + ".");
    System.out.println();
    System.out.print(table.markdown());
    System.out.println();
    goals.forEach(g -> System.out.println("- " + g));
  }

  /**
   * One row per N, with the JVM's defaults or with {@code ./lab}'s options (then only N above the
   * 15 of the launcher row).
   */
  private void sizeRows(
      List<Integer> sizes, List<String> options, ResultTable table, List<String> goals)
      throws IOException, InterruptedException {
    for (int n : sizes) {
      if (!options.isEmpty() && n <= LAB_GOAL_EXPERIMENTS) {
        continue;
      }
      Series synth = new Series();
      Series baseline = new Series();
      measure(n, options, options, synth, baseline);
      String suffix = options.isEmpty() ? "" : ", ./lab's JVM options";
      table.add(String.format(Locale.ROOT, "N = %,d", n) + suffix, synth, baseline);
      if (n == 10_000) {
        String how =
            options.isEmpty()
                ? "default JVM options"
                : "./lab's JVM options " + String.join(" ", options) + ", both programs";
        goals.add(
            ratioGoal(
                "N = 10,000 within " + RATIO_GOAL + "x of the baseline (" + how + ")",
                synth,
                baseline));
      }
    }
  }

  /**
   * This repository's catalogue ({@link CatalogueWorkload}): with the JVM's defaults and, when the
   * launcher has them, with {@code ./lab}'s options. A catalogue that cannot be measured (not
   * packaged, committed YAML stale) skips its rows with the reason.
   */
  private void catalogueRows(List<String> launcher, ResultTable table, List<String> goals)
      throws IOException, InterruptedException {
    Path input = outRoot.resolve("scratch").resolve("catalogue-input");
    try {
      CatalogueWorkload catalogue = CatalogueWorkload.of(repoRoot);
      delete(input);
      catalogue.copyInput(input);
      String label = "this repository's catalogue (" + catalogue.size() + ", by annotation)";
      List<List<String>> optionSets =
          launcher.isEmpty() ? List.of(List.of()) : List.of(List.of(), launcher);
      for (List<String> options : optionSets) {
        Series synth = new Series();
        Series baseline = new Series();
        measureCatalogue(catalogue, input, options, synth, baseline);
        table.add(label + (options.isEmpty() ? "" : ", ./lab's JVM options"), synth, baseline);
      }
    } catch (IllegalStateException e) {
      goals.add(
          "this repository's catalogue: skipped: "
              + e.getMessage().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
    } finally {
      delete(input);
    }
  }

  private void measureCatalogue(
      CatalogueWorkload catalogue, Path input, List<String> options, Series synth, Series baseline)
      throws IOException, InterruptedException {
    Path synthOut = outRoot.resolve("synth");
    Path baselineOut = outRoot.resolve("baseline");
    List<String> jvm = new ArrayList<>(options);
    jvm.addAll(process.jvmOptions());
    List<String> synthCommand = catalogue.synthCommand(jvm, synthOut);
    List<String> baselineCommand =
        javaMain(jvm, baselineClasspath, JacksonCatalogueMain.class, input, baselineOut);
    for (int w = 0; w < warmups; w++) {
      once("catalogue synth warm-up " + (w + 1), synthCommand, synthOut);
      once("catalogue Jackson warm-up " + (w + 1), baselineCommand, baselineOut);
      if (w == 0) {
        failOn("the project's synth (LabCommand synth)", catalogue.synthProblems(synthOut));
        failOn("the Jackson baseline", CatalogueWorkload.baselineProblems(input, baselineOut));
        System.err.println("checked: both programs wrote this repository's catalogue");
      }
    }
    for (int r = 0; r < runs; r++) {
      String of = " run " + (r + 1) + "/" + runs;
      synth.add(once("catalogue synth" + of, synthCommand, synthOut));
      baseline.add(once("catalogue Jackson" + of, baselineCommand, baselineOut));
    }
    delete(synthOut);
    delete(baselineOut);
  }

  private static void failOn(String tool, List<String> problems) {
    if (!problems.isEmpty()) {
      throw new IllegalStateException(OutputCheck.report(tool, problems));
    }
  }

  private List<String> javaMain(
      List<String> options, String classpath, Class<?> main, Path in, Path out) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(List.of("-cp", classpath, main.getName(), in.toString(), out.toString()));
    return command;
  }

  private static String ratioGoal(String what, Series synth, Series baseline) {
    double ratio = synth.medianSeconds() / baseline.medianSeconds();
    double cpuRatio = synth.medianCpuSeconds() / baseline.medianCpuSeconds();
    return goal(
        what,
        ratio <= RATIO_GOAL,
        ResultTable.ratio(ratio)
            + " in wall time; "
            + ResultTable.ratio(cpuRatio)
            + " in CPU time");
  }

  /**
   * What {@code ./lab synth} of 15 experiments costs without the launcher script: the same command
   * with the launcher's JVM options and, like the launcher, a class-data-sharing archive made by an
   * earlier run. The baseline gets the same treatment, so the ratio stays fair.
   */
  private void launcherSettingsRow(Path lab, ResultTable table, List<String> goals)
      throws IOException, InterruptedException {
    List<String> options = launcherOptions(lab);
    if (options.isEmpty()) {
      goals.add(
          "15 experiments with ./lab's JVM options: skipped, no ${LAB_JAVA_OPTS:-...} in " + lab);
      return;
    }
    List<String> synthOptions = withArchive(options, synthClasspath, SynthMain.class, "synth");
    List<String> baselineOptions =
        withArchive(options, baselineClasspath, JacksonBaselineMain.class, "baseline");
    Series synth = new Series();
    Series baseline = new Series();
    measure(LAB_GOAL_EXPERIMENTS, synthOptions, baselineOptions, synth, baseline);
    boolean archived = synthOptions.size() > options.size();
    table.add(
        "N = "
            + LAB_GOAL_EXPERIMENTS
            + ", ./lab's JVM options"
            + (archived ? " and a CDS archive" : ""),
        synth,
        baseline);
    goals.add(
        goal(
            "15 experiments under "
                + LAB_GOAL_SECONDS
                + " s as a `lab synth` process with ./lab's"
                + " JVM options ("
                + String.join(" ", options)
                + (archived ? ", CDS archive" : "")
                + ")",
            synth.medianSeconds() < LAB_GOAL_SECONDS,
            ResultTable.seconds(synth.medianSeconds())));
  }

  /**
   * The options plus a class-data-sharing archive of the classes a 15-experiment run loads, made
   * now by one untimed run, as ./lab makes its own once per build. The options alone when the
   * classpath holds a folder (CDS takes jars only) or the archive cannot be made.
   */
  private List<String> withArchive(
      List<String> options, String classpath, Class<?> main, String name)
      throws IOException, InterruptedException {
    if (Arrays.stream(classpath.split(java.io.File.pathSeparator))
        .anyMatch(e -> Files.isDirectory(Path.of(e)))) {
      return options;
    }
    Path archive = outRoot.resolve("scratch").resolve(name + ".jsa");
    Path out = outRoot.resolve("scratch").resolve("archive-run");
    Files.deleteIfExists(archive);
    List<String> dump = new ArrayList<>(options);
    dump.add("-XX:ArchiveClassesAtExit=" + archive);
    dump.add("-Xlog:cds=off");
    dump.add("-Xlog:cds+dynamic=off");
    once(name + " CDS archive", java(dump, classpath, main, LAB_GOAL_EXPERIMENTS, out), out);
    delete(out);
    if (!Files.isRegularFile(archive)) {
      return options;
    }
    List<String> withArchive = new ArrayList<>(options);
    withArchive.addAll(
        List.of(
            "-XX:SharedArchiveFile=" + archive,
            "-Xshare:auto",
            "-Xlog:cds=off",
            "-Xlog:cds+dynamic=off"));
    return withArchive;
  }

  /** The whole {@code ./lab synth} process on the repository's own catalogue. */
  private void launcherRow(Path lab, ResultTable table, List<String> goals)
      throws IOException, InterruptedException {
    try {
      Series whole = measureLab(lab);
      table.addAlone(
          "`./lab synth` (this repository's catalogue, " + labExperiments + " experiments)", whole);
      goals.add(
          goal(
              "`./lab synth` of this repository's catalogue under " + LAB_GOAL_SECONDS + " s",
              whole.medianSeconds() < LAB_GOAL_SECONDS,
              ResultTable.seconds(whole.medianSeconds())));
    } catch (IllegalStateException e) {
      // The launcher belongs to the repository, not to this benchmark: report, keep the table.
      goals.add(
          "`./lab synth`: skipped, it failed: "
              + e.getMessage().lines().limit(3).reduce((a, b) -> a + " / " + b).orElse(""));
    }
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

  private void measure(
      int n, List<String> synthOptions, List<String> baselineOptions, Series synth, Series baseline)
      throws IOException, InterruptedException {
    Path synthOut = outRoot.resolve("synth");
    Path baselineOut = outRoot.resolve("baseline");
    List<String> synthCommand = java(synthOptions, synthClasspath, SynthMain.class, n, synthOut);
    List<String> baselineCommand =
        java(baselineOptions, baselineClasspath, JacksonBaselineMain.class, n, baselineOut);
    for (int w = 0; w < warmups; w++) {
      once("N=" + n + " synth warm-up " + (w + 1), synthCommand, synthOut);
      once("N=" + n + " Jackson warm-up " + (w + 1), baselineCommand, baselineOut);
      if (w == 0) {
        // Synth also writes the CRDs next to experiments/; only experiments/ is the workload.
        Path experiments = synthOut.resolve("experiments");
        verify(
            "the project's synth (SynthMain)",
            experiments,
            n,
            i -> experiments.resolve(new WorkloadValues(i).name()).resolve("experiment.yaml"));
        verify(
            "the Jackson baseline",
            baselineOut,
            n,
            i -> baselineOut.resolve(new WorkloadValues(i).name() + ".k8s.yaml"));
      }
    }
    for (int r = 0; r < runs; r++) {
      synth.add(once("N=" + n + " synth run " + (r + 1) + "/" + runs, synthCommand, synthOut));
      baseline.add(
          once("N=" + n + " Jackson run " + (r + 1) + "/" + runs, baselineCommand, baselineOut));
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

  private List<String> java(
      List<String> options, String classpath, Class<?> main, int n, Path out) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(process.jvmOptions());
    command.addAll(List.of("-cp", classpath, main.getName(), Integer.toString(n), out.toString()));
    return command;
  }

  /**
   * The JVM options the ./lab launcher uses by default ({@code ${LAB_JAVA_OPTS:-...}}); empty if
   * none found.
   */
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
    return String.format(
            Locale.ROOT,
            "Synthesis benchmark, %s, %d cores, Java %s (%s), %s; fresh JVM per run, %d warm-up + %d"
                + " measured runs per tool and N, wall time from spawn to exit; CPU time (user + system, median)"
                + " and peak RSS (highest) from %s.",
            ZonedDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"),
            System.getProperty("java.vm.name"),
            System.getProperty("os.name"),
            warmups,
            runs,
            process.source())
        + " Output under "
        + outRoot
        + " ("
        + fileStoreType(outRoot)
        + ").";
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

  private static Optional<Path> moduleJar(Path target) throws IOException {
    try (Stream<Path> files = Files.list(target)) {
      return files
          .filter(f -> f.getFileName().toString().matches("illm-lab-benchmarks-.*\\.jar"))
          .findFirst();
    }
  }

  private static Path ownClasses() {
    try {
      return Path.of(
          SynthBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the benchmark's classes", e);
    }
  }
}
