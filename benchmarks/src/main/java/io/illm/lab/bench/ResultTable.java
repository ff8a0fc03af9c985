package io.illm.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's markdown table: one row per N, the project's synth beside the Jackson baseline,
 * and their ratios in wall time and in CPU time (the steadier one when other work shares the
 * machine).
 */
final class ResultTable {

  private static final String NONE = "—";

  private final List<String> rows = new ArrayList<>();

  /** A row comparing the synth with the baseline at one N. */
  void add(String workload, Series synth, Series baseline) {
    double cpuRatio = synth.medianCpuSeconds() / baseline.medianCpuSeconds();
    rows.add(
        row(
            workload,
            cells(synth),
            cells(baseline),
            List.of(
                ratio(synth.medianSeconds() / baseline.medianSeconds()),
                synth.medianCpuSeconds() < 0 || baseline.medianCpuSeconds() < 0
                    ? "n/a"
                    : ratio(cpuRatio))));
  }

  /** A row for a process with no baseline beside it (the whole {@code ./lab synth}). */
  void addAlone(String workload, Series alone) {
    rows.add(
        row(workload, cells(alone), List.of(NONE, NONE, NONE, NONE, NONE), List.of(NONE, NONE)));
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("| workload | synth median | min | max | CPU | peak RSS")
        .append(" | Jackson median | min | max | CPU | peak RSS | synth / Jackson wall | CPU |\n");
    text.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    rows.forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  static String seconds(double s) {
    return s < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", s);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private static List<String> cells(Series s) {
    double rss = s.peakRssMib();
    return List.of(
        seconds(s.medianSeconds()),
        seconds(s.minSeconds()),
        seconds(s.maxSeconds()),
        seconds(s.medianCpuSeconds()),
        rss < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rss));
  }

  private static String row(
      String workload, List<String> left, List<String> right, List<String> ratios) {
    return "| "
        + workload
        + " | "
        + String.join(" | ", left)
        + " | "
        + String.join(" | ", right)
        + " | "
        + String.join(" | ", ratios)
        + " |";
  }
}
