package io.illm.lab.bench;

import java.util.ArrayList;
import java.util.List;

/** The measured runs of one tool at one N: median, min and max wall time, and peak RSS. */
final class Series {

  private final List<TimedProcess.Measurement> runs = new ArrayList<>();

  void add(TimedProcess.Measurement m) {
    runs.add(m);
  }

  boolean isEmpty() {
    return runs.isEmpty();
  }

  double medianSeconds() {
    List<Long> walls = sortedWalls();
    int n = walls.size();
    double median = n % 2 == 1 ? walls.get(n / 2) : (walls.get(n / 2 - 1) + walls.get(n / 2)) / 2.0;
    return median / 1e9;
  }

  double minSeconds() {
    return sortedWalls().get(0) / 1e9;
  }

  double maxSeconds() {
    List<Long> walls = sortedWalls();
    return walls.get(walls.size() - 1) / 1e9;
  }

  /** The highest peak RSS over the runs, in MiB; negative when unknown. */
  double peakRssMib() {
    return runs.stream().mapToLong(TimedProcess.Measurement::rssKib).max().orElse(-1) / 1024.0;
  }

  private List<Long> sortedWalls() {
    if (runs.isEmpty()) {
      throw new IllegalStateException("no measured runs");
    }
    return runs.stream().map(TimedProcess.Measurement::wallNanos).sorted().toList();
  }
}
