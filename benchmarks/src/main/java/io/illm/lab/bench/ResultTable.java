package io.illm.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's markdown table: one row per N, the project's synth beside the Jackson baseline. */
final class ResultTable {

  private static final String NONE = "—";

  private final List<String> rows = new ArrayList<>();

  /** A row comparing the synth with the baseline at one N. */
  void add(String workload, Series synth, Series baseline) {
    rows.add(row(workload, cells(synth), cells(baseline),
        ratio(synth.medianSeconds() / baseline.medianSeconds())));
  }

  /** A row for a process with no baseline beside it (the whole {@code ./lab synth}). */
  void addAlone(String workload, Series alone) {
    rows.add(row(workload, cells(alone), List.of(NONE, NONE, NONE, NONE), NONE));
  }

  String markdown() {
    StringBuilder text = new StringBuilder();
    text.append("| workload | synth median | synth min | synth max | synth peak RSS")
        .append(" | Jackson median | Jackson min | Jackson max | Jackson peak RSS | synth / Jackson |\n");
    text.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    rows.forEach(r -> text.append(r).append('\n'));
    return text.toString();
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f s", s);
  }

  static String ratio(double r) {
    return String.format(Locale.ROOT, "%.2fx", r);
  }

  private static List<String> cells(Series s) {
    double rss = s.peakRssMib();
    return List.of(seconds(s.medianSeconds()), seconds(s.minSeconds()), seconds(s.maxSeconds()),
        rss < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", rss));
  }

  private static String row(String workload, List<String> left, List<String> right, String ratio) {
    return "| " + workload + " | " + String.join(" | ", left) + " | " + String.join(" | ", right)
        + " | " + ratio + " |";
  }
}
