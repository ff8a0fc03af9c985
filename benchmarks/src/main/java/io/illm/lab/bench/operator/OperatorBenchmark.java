package io.illm.lab.bench.operator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The operator benchmark: N experiments created at once and run to Complete, on the embedded hub
 * (fabric8 mock API server, the JOSDK operator on the Kubernetes ports, simulated controllers with
 * instant timings) and, as the baseline, through the engine on the in-memory world; each run is a
 * fresh JVM ({@link OperatorRun}) with an explicit heap limit. With {@code --real DIR} (the
 * binaries of {@code tools/build.sh kube}) also on a real API server ({@link RealServerRun}), in
 * the same invocation. Prints one table row per N, mode and concurrency (medians over the runs; RSS
 * the highest), and the goals.
 *
 * <p>{@code OperatorBenchmark [--runs R] [--concurrency C,C,...] [--xmx SIZE] [--timeout S] [--real
 * DIR] [N ...]} (defaults: 1 run, concurrency 16, {@code -Xmx256m}, 600 s, N = 100 1000).
 */
public final class OperatorBenchmark {

  private OperatorBenchmark() {}

  private record Row(String label, int n, String mode, int concurrency, List<RunResult> runs) {}

  public static void main(String[] args) throws Exception {
    int runs = 1;
    List<Integer> concurrency = new ArrayList<>(List.of(16));
    String xmx = "256m";
    long timeout = 600;
    String real = null;
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--concurrency" ->
            concurrency = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--xmx" -> xmx = args[++i];
        case "--timeout" -> timeout = Long.parseLong(args[++i]);
        case "--real" -> real = args[++i];
        default -> sizes.add(Integer.parseInt(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(100, 1000);
    }
    String before = uptime();
    List<Row> rows = new ArrayList<>();
    for (int n : sizes) {
      for (int c : concurrency) {
        rows.add(new Row("engine, in memory (baseline)", n, "engine", c, new ArrayList<>()));
        rows.add(new Row("embedded hub", n, "hub", c, new ArrayList<>()));
        if (real != null) {
          rows.add(new Row("real API server", n, "real", c, new ArrayList<>()));
        }
      }
    }
    for (int r = 0; r < runs; r++) {
      for (Row row : rows) {
        System.err.printf(
            "run %d/%d: %s, N = %d, concurrency %d%n",
            r + 1, runs, row.mode, row.n, row.concurrency);
        RunResult result = spawn(row.mode, row.n, row.concurrency, xmx, timeout, real);
        System.err.println("  " + result.describe());
        row.runs.add(result);
      }
    }
    String after = uptime();
    print(rows, runs, xmx, before, after);
  }

  private static RunResult spawn(
      String mode, int n, int concurrency, String xmx, long timeout, String binaries)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx" + xmx,
                "-cp",
                System.getProperty("java.class.path"),
                OperatorRun.class.getName(),
                mode,
                Integer.toString(n),
                Integer.toString(concurrency),
                Long.toString(timeout)));
    if (mode.equals("real")) {
      command.add(binaries);
    }
    Path out = Files.createTempFile("operator-bench", ".out");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      int exit = process.waitFor();
      List<String> lines = Files.readAllLines(out);
      for (String line : lines) {
        if (line.startsWith(RunResult.PREFIX)) {
          return RunResult.parse(line);
        }
      }
      throw new IllegalStateException(
          String.join(" ", command)
              + " exited with "
              + exit
              + " and no result:\n"
              + String.join("\n", lines));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static void print(List<Row> rows, int runs, String xmx, String before, String after) {
    System.out.printf(
        Locale.ROOT,
        "Operator benchmark, %s, %d cores, Java %s (%s); fresh JVM per run with -Xmx%s,"
            + " %d run(s) per row, medians (RSS: highest). Simulated controllers with instant timings.%n",
        ZonedDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        System.getProperty("java.vm.name"),
        xmx,
        runs);
    System.out.println("uptime before: " + before);
    System.out.println("uptime after:  " + after);
    System.out.println();
    System.out.println(
        "| run | N | concurrency | wall to all Complete | reconciles/s | reaction p50 | p99 | max"
            + " | p99 of the write itself | peak RSS | heap used / live at end | API requests per reconcile"
            + " | kube-apiserver + etcd CPU | their peak RSS | kube-controller-manager CPU | not Complete |");
    System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for (Row row : rows) {
      List<RunResult> r = row.runs;
      System.out.printf(
          Locale.ROOT,
          "| %s | %,d | %d | %.2f s | %.0f | %.0f ms | %.0f ms | %.0f ms | %s | %d MiB | %d / %d MiB"
              + " | %s | %s | %s | %s | %d |%n",
          row.label,
          row.n,
          row.concurrency,
          median(r, RunResult::wallNanos) / 1e9,
          medianDouble(r.stream().mapToDouble(RunResult::reconcilesPerSecond).toArray()),
          median(r, RunResult::p50Nanos) / 1e6,
          median(r, RunResult::p99Nanos) / 1e6,
          median(r, RunResult::maxNanos) / 1e6,
          !row.mode.equals("engine")
              ? String.format(Locale.ROOT, "%.0f ms", median(r, RunResult::writeP99Nanos) / 1e6)
              : "—",
          r.stream().mapToLong(RunResult::rssKib).max().orElse(-1) / 1024,
          median(r, RunResult::heapUsedMib),
          median(r, RunResult::heapLiveMib),
          !row.mode.equals("engine")
              ? String.format(
                  Locale.ROOT,
                  "%.1f",
                  medianDouble(
                      r.stream()
                          .mapToDouble(x -> (double) x.requests() / x.reconciles())
                          .toArray()))
              : "—",
          cpu(r, RunResult::serverCpuMillis),
          row.mode.equals("real")
              ? r.stream().mapToLong(RunResult::serverRssKib).max().orElse(-1) / 1024 + " MiB"
              : "—",
          cpu(r, RunResult::controllerManagerCpuMillis),
          r.stream().mapToLong(RunResult::failed).max().orElse(-1));
    }
    System.out.println();
    for (Row row : rows) {
      if (row.mode.equals("engine") || row.n < 1000) {
        continue;
      }
      List<RunResult> r = row.runs;
      double wall = median(r, RunResult::wallNanos) / 1e9;
      double p99 = median(r, RunResult::p99Nanos) / 1e9;
      long rss = r.stream().mapToLong(RunResult::rssKib).max().orElse(-1) / 1024;
      long failed = r.stream().mapToLong(RunResult::failed).max().orElse(-1);
      System.out.printf(
          Locale.ROOT,
          "- %s, N = %,d, concurrency %d: p99 reaction < 1 s: %s (%.2f s); all Complete"
              + " < 120 s: %s (%.1f s); RSS < 512 MB: %s (%d MiB); 0 failed: %s (%d)%n",
          row.label,
          row.n,
          row.concurrency,
          p99 < 1 ? "met" : "NOT met",
          p99,
          wall < 120 ? "met" : "NOT met",
          wall,
          rss * 1.048576 < 512 ? "met" : "NOT met",
          rss,
          failed == 0 ? "met" : "NOT met",
          failed);
    }
  }

  /** The median of a CPU time in seconds, or a dash where the run had no such process. */
  private static String cpu(List<RunResult> runs, ToLongFunction<RunResult> field) {
    long millis = median(runs, field);
    return millis < 0 ? "—" : String.format(Locale.ROOT, "%.1f s", millis / 1e3);
  }

  private static long median(List<RunResult> runs, ToLongFunction<RunResult> field) {
    long[] values = runs.stream().mapToLong(field).sorted().toArray();
    return values.length % 2 == 1
        ? values[values.length / 2]
        : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
  }

  private static double medianDouble(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  private static String uptime() {
    try {
      Process p = new ProcessBuilder("uptime").redirectErrorStream(true).start();
      String text = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return text;
    } catch (IOException e) {
      return "(uptime: " + e.getMessage() + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)";
    }
  }
}
