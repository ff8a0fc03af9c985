package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import java.time.Duration;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The operator's reconcile threads, taking waiting reconciles in this order: those of experiments
 * already under way first, then the first turns of new ones, each in arrival order; a new
 * experiment goes ahead of anything that arrived more than {@link #headStart} after it, so it waits
 * at most that long behind experiments under way and is never starved (ADR-012).
 *
 * <p>JOSDK gives its executor bare Runnables, so which experiment a reconcile is for comes from
 * JOSDK's metrics hook, which it calls with the experiment on the same thread just before handing
 * the reconcile over ({@link OperatorMetrics#beforeEachSubmission}); without it a reconcile counts
 * as under way, which is first come, first served.
 */
final class StartedFirstExecutor extends ThreadPoolExecutor {

  /**
   * How long a new experiment's first turn may be overtaken by reconciles of experiments under way.
   */
  static final Duration HEAD_START = Duration.ofSeconds(10);

  private final long headStartNanos;
  private final ThreadLocal<Boolean> nextIsNew = new ThreadLocal<>();
  private final AtomicLong arrivals = new AtomicLong();
  private final AtomicLong blind = new AtomicLong();
  private final AtomicLong told = new AtomicLong();

  StartedFirstExecutor(int threads, Duration headStart) {
    super(
        threads,
        threads,
        0,
        TimeUnit.SECONDS,
        new PriorityBlockingQueue<>(),
        threads("illm-reconcile-"));
    this.headStartNanos = headStart.toNanos();
  }

  /** The head start of experiments under way over new ones. */
  Duration headStart() {
    return Duration.ofNanos(headStartNanos);
  }

  /** Told, on JOSDK's submitting thread, which resource the next {@link #execute} is for. */
  void submitting(HasMetadata resource) {
    nextIsNew.set(isNew(resource));
  }

  /** An experiment not yet under way: no status, or Pending, and not being deleted. */
  static boolean isNew(HasMetadata resource) {
    if (!(resource instanceof Experiment experiment) || experiment.isMarkedForDeletion()) {
      return false;
    }
    return experiment.getStatus() == null
        || experiment.getStatus().getPhase() == null
        || experiment.getStatus().getPhase() == Phase.PENDING;
  }

  /** Tasks executed without being told whose they were (JOSDK no longer calls its hook first?). */
  long blind() {
    return blind.get();
  }

  /** Tasks executed knowing whose they were. */
  long told() {
    return told.get();
  }

  @Override
  public void execute(Runnable task) {
    Boolean told = nextIsNew.get();
    (told == null ? blind : this.told).incrementAndGet();
    boolean isNew = Boolean.TRUE.equals(told);
    nextIsNew.remove();
    long due = System.nanoTime() + (isNew ? headStartNanos : 0);
    super.execute(new Waiting(task, due, arrivals.getAndIncrement()));
  }

  /** A reconcile in the queue: taken by when it is due, then by arrival. */
  private record Waiting(Runnable task, long due, long arrival)
      implements Runnable, Comparable<Waiting> {
    @Override
    public void run() {
      task.run();
    }

    @Override
    public int compareTo(Waiting other) {
      int byDue = Long.compare(due - other.due, 0); // nanoTime values: compare differences
      return byDue != 0 ? byDue : Long.compare(arrival, other.arrival);
    }
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread thread = new Thread(r, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
