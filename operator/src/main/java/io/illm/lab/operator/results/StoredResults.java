package io.illm.lab.operator.results;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import io.illm.lab.operator.ports.Results;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Results} port over a {@link ResultsStore}. {@link #store} returns at once; a bounded
 * pool assembles the run ({@link SummarySource}) and writes it, retrying retryable failures with
 * {@link Retries}. A store that stays down past the deadline (or refuses for good) does not keep
 * the experiment's clusters alive: the run is kept on the hub ({@link PendingRuns}), reported
 * STORED at {@code configmap://...} with the message "pending upload", and {@link PendingUploads}
 * moves it to the store later. Completion is announced to the {@link Changes} subscriber.
 *
 * <p>What is being stored lives in memory: after a restart {@link #observe} says NOT_STORED and the
 * lifecycle asks again; a run whose summary the store already has is not written again, so each run
 * is stored once.
 */
public final class StoredResults implements Results, Changes, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StoredResults.class);
  private static final ResultsObservation STORING =
      new ResultsObservation(ResultsState.STORING, null, null);

  private final ResultsStore store;
  private final SummarySource source;
  private final Optional<PendingRuns> fallback;
  private final Retries retries;
  private final ThreadPoolExecutor pool;
  private final Map<ExperimentId, ResultsObservation> states = new ConcurrentHashMap<>();
  private volatile Consumer<ExperimentId> listener = id -> {};

  /**
   * @param store where runs go
   * @param source what to store for an experiment
   * @param fallback where runs are kept while the store is down; empty: such a run ends FAILED
   * @param retries backoff and outage deadline
   * @param threads runs stored at once; at most 4 x threads more wait, beyond that {@link #store}
   *     throws a {@link PortException} and the engine asks again later
   */
  public StoredResults(
      ResultsStore store,
      SummarySource source,
      Optional<PendingRuns> fallback,
      Retries retries,
      int threads) {
    this.store = store;
    this.source = source;
    this.fallback = fallback;
    this.retries = retries;
    AtomicInteger count = new AtomicInteger();
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(4 * threads),
            r -> {
              Thread thread = new Thread(r, "illm-results-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
  }

  @Override
  public void subscribe(Consumer<ExperimentId> value) {
    listener = value;
  }

  @Override
  public ResultsObservation observe(ExperimentId experiment) {
    return states.getOrDefault(experiment, ResultsObservation.NOT_STORED);
  }

  @Override
  public void store(
      ExperimentId experiment, ExperimentSpec spec, ExperimentStatus status, StoreResults action) {
    if (states.putIfAbsent(experiment, STORING) != null) {
      return;
    }
    try {
      pool.execute(
          () -> finish(experiment, storeNow(experiment, spec, status, action.collected())));
    } catch (RejectedExecutionException e) {
      states.remove(experiment, STORING);
      throw new PortException(
          "results of "
              + experiment
              + ": "
              + pool.getQueue().size()
              + " runs are waiting to be stored already; asking again later",
          e);
    }
  }

  /**
   * Forgets what was stored for {@code experiment} (deleted), so that a new run of its name stores
   * anew.
   */
  @Override
  public void forget(ExperimentId experiment) {
    states.computeIfPresent(
        experiment, (id, state) -> state.state() == ResultsState.STORING ? state : null);
  }

  /**
   * Stops storing: runs not yet started are not stored (the lifecycle asks again after a restart),
   * and a write in progress gets a few seconds to end, so no file is left half-written behind the
   * caller.
   */
  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void finish(ExperimentId experiment, ResultsObservation result) {
    states.put(experiment, result);
    listener.accept(experiment);
  }

  private ResultsObservation storeNow(
      ExperimentId experiment, ExperimentSpec spec, ExperimentStatus status, Collected collected) {
    RunFiles run;
    try {
      run = RunFiles.of(source.summary(experiment, spec, status, collected));
    } catch (RuntimeException e) {
      LOG.warn("results of {}: the summary could not be assembled: {}", experiment, e.toString());
      LOG.debug("results of {}: the summary could not be assembled", experiment, e);
      return failed("the summary could not be assembled: " + e.getMessage());
    }
    if (alreadyStored(run)) {
      // stored before a restart, whose new turn asked again: the store keeps the first copy
      return new ResultsObservation(ResultsState.STORED, store.location(run.key()), null);
    }
    String failure = upload(run);
    if (failure == null) {
      return new ResultsObservation(ResultsState.STORED, store.location(run.key()), null);
    }
    if (fallback.isEmpty()) {
      return failed(failure);
    }
    try {
      PendingRuns.Kept kept = fallback.get().keep(run, failure);
      LOG.warn(
          "results of {}: kept on the hub at {} until the store is back: {}",
          experiment,
          kept.location(),
          failure);
      return new ResultsObservation(
          ResultsState.STORED,
          kept.location(),
          "pending upload: "
              + failure
              + (kept.dropped().isEmpty()
                  ? ""
                  : "; raw files not kept (too large for the hub): "
                      + String.join(", ", kept.dropped())));
    } catch (RuntimeException e) {
      LOG.warn("results of {}: the hub fallback failed too: {}", experiment, e.toString());
      return failed(failure + "; keeping them on the hub failed too: " + e.getMessage());
    }
  }

  /** True when the store has this run's summary already (an unanswered store counts as no). */
  private boolean alreadyStored(RunFiles run) {
    try {
      return store.summary(run.key()).isPresent();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Null when the run is in the store; else why not, once retrying is over. */
  private String upload(RunFiles run) {
    long start = System.nanoTime();
    for (int failures = 1; ; failures++) {
      try {
        store.put(run);
        return null;
      } catch (ResultsStoreException e) {
        Duration wait = retries.backoff(failures);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        if (!e.retryable()) {
          return e.getMessage();
        }
        if (elapsed.plus(wait).compareTo(retries.deadline()) > 0) {
          return "store unavailable for " + failures + " attempts: " + e.getMessage();
        }
        LOG.info(
            "results of {}: attempt {} failed, again in {}: {}",
            run.key(),
            failures,
            wait,
            e.getMessage());
        if (!sleep(wait)) {
          return "interrupted while retrying: " + e.getMessage();
        }
      }
    }
  }

  private static boolean sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static ResultsObservation failed(String message) {
    return new ResultsObservation(ResultsState.FAILED, null, message);
  }
}
