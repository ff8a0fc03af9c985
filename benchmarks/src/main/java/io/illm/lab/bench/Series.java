package io.illm.lab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** The measured runs of one tool at one N: wall time (median, min, max), CPU time, peak RSS. */
final class Series {

  private final List<TimedProcess.Measurement> runs = new ArrayList<>();

  void add(TimedProcess.Measurement m) {
    runs.add(m);
  }

  double medianSeconds() {
    return median(TimedProcess.Measurement::wallNanos) / 1e9;
  }

  double minSeconds() {
    return sorted(TimedProcess.Measurement::wallNanos).get(0) / 1e9;
  }

  double maxSeconds() {
    List<Long> walls = sorted(TimedProcess.Measurement::wallNanos);
    return walls.get(walls.size() - 1) / 1e9;
  }

  /** Median CPU time (user + system) in seconds; negative when unknown. */
  double medianCpuSeconds() {
    return runs.stream().anyMatch(m -> m.cpuNanos() < 0)
        ? -1
        : median(TimedProcess.Measurement::cpuNanos) / 1e9;
  }

  /** The highest peak RSS over the runs, in MiB; negative when unknown. */
  double peakRssMib() {
    return runs.stream().mapToLong(TimedProcess.Measurement::rssKib).max().orElse(-1) / 1024.0;
  }

  private double median(ToLongFunction<TimedProcess.Measurement> value) {
    List<Long> values = sorted(value);
    int n = values.size();
    return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2.0;
  }

  private List<Long> sorted(ToLongFunction<TimedProcess.Measurement> value) {
    if (runs.isEmpty()) {
      throw new IllegalStateException("no measured runs");
    }
    return runs.stream().map(value::applyAsLong).sorted().toList();
  }
}
