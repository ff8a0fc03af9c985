package io.illm.lab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one command as a fresh process and measures it: wall time from spawn to exit, and the
 * process's peak resident set size, from {@code /usr/bin/time -f %M} where it exists, else from
 * the {@code VmHWM=} line a benchmark program prints when asked (see {@link PeakRss}).
 */
final class TimedProcess {

  private static final Path TIME = Path.of("/usr/bin/time");

  private final Path scratch;
  private final boolean timeTool;

  TimedProcess(Path scratch) throws IOException {
    this.scratch = Files.createDirectories(scratch);
    this.timeTool = Files.isExecutable(TIME);
  }

  /** Where peak RSS comes from, for the report. */
  String rssSource() {
    return timeTool ? "/usr/bin/time -f %M" : "VmHWM of /proc/self/status, printed by the child";
  }

  /** JVM options a benchmark program needs so its peak RSS can be read. */
  List<String> jvmOptions() {
    return timeTool ? List.of() : List.of("-D" + PeakRss.PROPERTY + "=true");
  }

  /**
   * Runs {@code command} in {@code workDir} and waits for it.
   *
   * @throws IllegalStateException when it exits with a non-zero code; the message holds the end of
   *     its error output
   */
  Measurement run(List<String> command, Path workDir) throws IOException, InterruptedException {
    Path rssFile = scratch.resolve("rss.txt");
    Path out = scratch.resolve("stdout.txt");
    Path err = scratch.resolve("stderr.txt");
    Files.deleteIfExists(rssFile);
    List<String> full = new ArrayList<>();
    if (timeTool) {
      full.addAll(List.of(TIME.toString(), "-f", "%M", "-o", rssFile.toString()));
    }
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full)
        .directory(workDir.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .redirectOutput(out.toFile())
        .redirectError(err.toFile());
    long start = System.nanoTime();
    Process process = builder.start();
    int exit = process.waitFor();
    long wall = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ":\n"
          + tail(err) + tail(out));
    }
    return new Measurement(wall, timeTool ? rssFromTime(rssFile) : rssFromChild(out));
  }

  private static long rssFromTime(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    // GNU time writes "Command exited with non-zero status" first when that happens; the number is last.
    return Long.parseLong(lines.get(lines.size() - 1).trim());
  }

  private static long rssFromChild(Path stdout) throws IOException {
    return Files.readAllLines(stdout).stream()
        .filter(line -> line.startsWith(PeakRss.PREFIX))
        .mapToLong(line -> Long.parseLong(line.substring(PeakRss.PREFIX.length())))
        .findFirst()
        .orElse(Measurement.UNKNOWN);
  }

  private static String tail(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()))
        + (lines.isEmpty() ? "" : "\n");
  }

  /** One run: wall time in nanoseconds and peak RSS in KiB ({@link #UNKNOWN} if not known). */
  record Measurement(long wallNanos, long rssKib) {
    static final long UNKNOWN = -1;
  }
}
