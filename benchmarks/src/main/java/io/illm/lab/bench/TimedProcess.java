package io.illm.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs one command as a fresh process and measures it: wall time from spawn to exit, CPU time (user
 * + system, all threads) and peak resident set size. CPU and RSS come from {@code /usr/bin/time}
 * where it exists, else from the lines a benchmark program prints when asked (see {@link
 * ExitReport}).
 */
final class TimedProcess {

  private static final Path TIME = Path.of("/usr/bin/time");

  private final Path scratch;
  private final boolean timeTool;

  TimedProcess(Path scratch) throws IOException {
    this.scratch = Files.createDirectories(scratch);
    this.timeTool = Files.isExecutable(TIME);
  }

  /** Where CPU time and peak RSS come from, for the report. */
  String source() {
    return timeTool ? "/usr/bin/time" : "the child's own report (VmHWM, process CPU time)";
  }

  /** JVM options a benchmark program needs so its CPU time and peak RSS can be read. */
  List<String> jvmOptions() {
    return timeTool ? List.of() : List.of("-D" + ExitReport.PROPERTY + "=true");
  }

  /**
   * Runs {@code command} in {@code workDir} and waits for it.
   *
   * @throws IllegalStateException when it exits with a non-zero code; the message holds the end of
   *     its output
   */
  Measurement run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path timeFile = scratch.resolve("time.txt");
    Path out = scratch.resolve("stdout.txt");
    Path err = scratch.resolve("stderr.txt");
    Files.deleteIfExists(timeFile);
    List<String> full = new ArrayList<>();
    if (timeTool) {
      full.addAll(List.of(TIME.toString(), "-f", "%M %U %S", "-o", timeFile.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(full)
            .directory(workDir.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long wall = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(
          String.join(" ", command) + " exited with " + exit + ":\n" + tail(err) + tail(out));
    }
    return timeTool ? fromTime(wall, timeFile) : fromChild(wall, out);
  }

  private static Measurement fromTime(long wall, Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    // GNU time writes "Command exited with non-zero status" first when that happens; ours is last.
    String[] fields = lines.get(lines.size() - 1).trim().split(" ");
    double cpuSeconds = Double.parseDouble(fields[1]) + Double.parseDouble(fields[2]);
    return new Measurement(wall, Math.round(cpuSeconds * 1e9), Long.parseLong(fields[0]));
  }

  private static Measurement fromChild(long wall, Path stdout) throws IOException {
    long rss = Measurement.UNKNOWN;
    long cpu = Measurement.UNKNOWN;
    for (String line : Files.readAllLines(stdout)) {
      if (line.startsWith(ExitReport.RSS_PREFIX)) {
        rss = Long.parseLong(line.substring(ExitReport.RSS_PREFIX.length()));
      } else if (line.startsWith(ExitReport.CPU_PREFIX)) {
        cpu = Long.parseLong(line.substring(ExitReport.CPU_PREFIX.length())) * 1_000_000;
      }
    }
    return new Measurement(wall, cpu, rss);
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
        + (lines.isEmpty() ? "" : "\n");
  }

  /**
   * One run: wall time and CPU time in nanoseconds, peak RSS in KiB; {@link #UNKNOWN} where not
   * known.
   */
  record Measurement(long wallNanos, long cpuNanos, long rssKib) {
    static final long UNKNOWN = -1;

    String describe() {
      return String.format(
          Locale.ROOT,
          "wall %.2f s, CPU %s",
          wallNanos / 1e9,
          cpuNanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", cpuNanos / 1e9));
    }
  }
}
