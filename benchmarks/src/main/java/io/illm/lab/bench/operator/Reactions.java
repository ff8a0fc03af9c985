package io.illm.lab.bench.operator;

import io.illm.lab.model.ExperimentStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The reaction delays of one run: every stimulus (a child's status written by a simulated
 * controller, or a change the in-memory world announced) waits for the experiment's next status
 * change, and the time between the two is its delay. A status change is one of phase, step, a
 * target's phase, the workflow's phase, the results URL or resources cleaned (what {@code ./lab
 * run} prints a line for). Stimuli never followed by a change are counted apart.
 *
 * <p>A stimulus is registered when its write has returned, with the time the write began; the
 * operator can react, and the watch see the change, before that: such a stimulus is matched with
 * the first change seen after the time its write began (without that, it waited for the change
 * after, and a quick reaction counted as a slow one: the Collecting step's seconds).
 */
final class Reactions {

  private final Map<String, List<Long>> waiting = new HashMap<>();
  private final Map<String, String> lastKey = new HashMap<>();
  private final Map<String, NavigableSet<Long>> changedAt = new HashMap<>();
  private final List<Long> delays = new ArrayList<>();

  /** When each delay's stimulus came, in the order of {@link #delays}. */
  private final List<Long> stimuli = new ArrayList<>();

  private final List<Long> writes = new ArrayList<>();
  private long changes;

  private static final NavigableSet<Long> EMPTY = new TreeSet<>();

  /** A stimulus for {@code experiment} at {@code nanos} ({@link System#nanoTime()}). */
  synchronized void stimulus(String experiment, long nanos) {
    Long seen = changedAt.getOrDefault(experiment, EMPTY).ceiling(nanos);
    if (seen != null) {
      delays.add(seen - nanos);
      stimuli.add(nanos);
      return;
    }
    waiting.computeIfAbsent(experiment, k -> new ArrayList<>()).add(nanos);
  }

  /**
   * {@code experiment}'s status as seen at {@code nanos}; only a change of its {@link #key} counts.
   */
  synchronized void status(String experiment, ExperimentStatus status, long nanos) {
    String key = key(status);
    if (key.equals(lastKey.put(experiment, key))) {
      return;
    }
    changes++;
    changedAt.computeIfAbsent(experiment, k -> new TreeSet<>()).add(nanos);
    List<Long> pending = waiting.get(experiment);
    if (pending == null) {
      return;
    }
    pending.removeIf(
        t -> {
          if (t <= nanos) {
            delays.add(nanos - t);
            stimuli.add(t);
            return true;
          }
          return false;
        });
  }

  /**
   * How long a stimulus's own write took (from just before it was sent until it returned): part of
   * every delay measured from that stimulus, as the status changed somewhere within it.
   */
  synchronized void written(long nanos) {
    writes.add(nanos);
  }

  /** The write times in nanoseconds, sorted. */
  synchronized long[] sortedWrites() {
    long[] out = writes.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /** Status changes seen. */
  synchronized long changes() {
    return changes;
  }

  /** Stimuli not (yet) followed by a status change. */
  synchronized long unanswered() {
    return waiting.values().stream().mapToLong(List::size).sum();
  }

  /** The delays in nanoseconds, sorted. */
  synchronized long[] sortedDelays() {
    long[] out = delays.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  /**
   * The delays' p50 and p99 by when their stimulus came, in windows of {@code window} nanoseconds
   * from {@code start}: whether slow reactions belong to one stretch of the run (a backlog) or to
   * all of it.
   */
  synchronized String byWindow(long start, long window) {
    Map<Long, List<Long>> windows = new java.util.TreeMap<>();
    for (int i = 0; i < delays.size(); i++) {
      windows
          .computeIfAbsent(Math.max(0, stimuli.get(i) - start) / window, k -> new ArrayList<>())
          .add(delays.get(i));
    }
    StringBuilder out = new StringBuilder();
    windows.forEach(
        (w, list) -> {
          long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
          out.append(
              String.format(
                  java.util.Locale.ROOT,
                  "  stimuli at %3d-%3d s: %5d, reaction p50 %5d ms, p99 %5d ms%n",
                  w * window / 1_000_000_000L,
                  (w + 1) * window / 1_000_000_000L,
                  sorted.length,
                  quantile(sorted, 0.5) / 1_000_000,
                  quantile(sorted, 0.99) / 1_000_000));
        });
    return out.toString();
  }

  /** The {@code q} quantile (nearest rank) of sorted {@code values}; -1 when there are none. */
  static long quantile(long[] values, double q) {
    if (values.length == 0) {
      return -1;
    }
    int rank = (int) Math.ceil(q * values.length);
    return values[Math.min(values.length - 1, Math.max(0, rank - 1))];
  }

  static String key(ExperimentStatus status) {
    if (status == null) {
      return "";
    }
    String targets =
        status.getTargets() == null
            ? ""
            : status.getTargets().stream()
                .map(t -> t.getName() + "=" + t.getPhase())
                .collect(Collectors.joining(","));
    String workflow =
        status.getWorkflowStatus() == null
            ? ""
            : Objects.toString(status.getWorkflowStatus().getPhase());
    return status.getPhase()
        + "|"
        + status.getStep()
        + "|"
        + targets
        + "|"
        + workflow
        + "|"
        + status.getResultsURL()
        + "|"
        + status.getResourcesCleaned();
  }
}
