package io.illm.lab.hub.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.PriorityQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The simulated world's time. {@link #manual} moves only when {@link #advance}d (tests); {@link
 * #compressed} runs {@code factor} times faster than real time (local runs: with 60, a 10 minute
 * provisioning takes 10 seconds), and can be advanced too. The engine reads the same clock, so
 * deadlines and simulated timings agree.
 *
 * <p>{@link #at} runs a task once the clock reaches an instant, on one daemon thread, never on the
 * caller's: the simulators use it to announce a child's change when it happens.
 */
public final class SimClock extends Clock {

  private record Due(Instant when, long order, Runnable task) {}

  private final Instant origin;
  private final double factor;
  private final long realStart = System.nanoTime();
  private final PriorityQueue<Due> due =
      new PriorityQueue<>(
          (a, b) ->
              a.when.equals(b.when) ? Long.compare(a.order, b.order) : a.when.compareTo(b.when));
  private final ScheduledExecutorService runner =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sim-clock");
            t.setDaemon(true);
            return t;
          });
  private Duration offset = Duration.ZERO;
  private long order;

  private SimClock(Instant origin, double factor) {
    this.origin = origin;
    this.factor = factor;
  }

  /** A clock that stands still at {@code start} until advanced. */
  public static SimClock manual(Instant start) {
    return new SimClock(start, 0);
  }

  /**
   * A clock that starts at {@code start} and runs {@code factor} (greater than 0) times faster than
   * real time.
   */
  public static SimClock compressed(Instant start, double factor) {
    if (!(factor > 0)) {
      throw new IllegalArgumentException(
          "a time-compression factor must be greater than 0, got " + factor);
    }
    return new SimClock(start, factor);
  }

  @Override
  public synchronized Instant instant() {
    Instant now = origin.plus(offset);
    if (factor > 0) {
      now = now.plusNanos((long) ((System.nanoTime() - realStart) * factor));
    }
    return now;
  }

  /** Moves the clock on by {@code step}, running every task that became due. */
  public void advance(Duration step) {
    synchronized (this) {
      offset = offset.plus(step);
    }
    fireDue();
  }

  /** Runs {@code task} once, as soon as the clock reaches {@code when} (at once if it has). */
  public void at(Instant when, Runnable task) {
    synchronized (this) {
      due.add(new Due(when, order++, task));
    }
    fireDue();
    if (factor > 0) {
      long realNanos = (long) (Duration.between(instant(), when).toNanos() / factor);
      runner.schedule(this::fireDue, Math.max(0, realNanos) + 1_000_000, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Hands every task that is due to the runner, in order. The hand-over happens under the lock:
   * {@code at} and {@code advance} call this from their callers' threads while the runner calls it
   * too, and two callers each taking their due tasks and handing them over after releasing the lock
   * could hand them over in the wrong order. A simulated Crossplane that ran "cluster ready" before
   * "creating the cluster" left its claim not ready for good (ADR-012).
   */
  private synchronized void fireDue() {
    Instant now = instant();
    while (!due.isEmpty() && !due.peek().when.isAfter(now)) {
      runner.execute(due.poll().task);
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
