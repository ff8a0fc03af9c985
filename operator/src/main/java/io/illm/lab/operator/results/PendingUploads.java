package io.illm.lab.operator.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the runs {@link PendingRuns} kept on the hub into the results store: on start and then
 * periodically. A run's ConfigMaps are deleted only once the store returns the same summary.json
 * bytes (written after the raw files), so nothing is lost when the store fails again half-way.
 */
public final class PendingUploads implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PendingUploads.class);

  private final PendingRuns hub;
  private final ResultsStore store;
  private ScheduledExecutorService timer;

  public PendingUploads(PendingRuns hub, ResultsStore store) {
    this.hub = hub;
    this.store = store;
  }

  /**
   * What one pass did.
   *
   * @param uploaded runs now in the store, as their store locations, sorted
   * @param failed runs still on the hub, each {@code configmap://...: reason}, sorted
   */
  public record Pass(List<String> uploaded, List<String> failed) {}

  /** Uploads every run kept on the hub; a run that fails stays for the next pass. */
  public synchronized Pass uploadAll() {
    List<String> uploaded = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    for (String name : hub.pending()) {
      try {
        RunFiles run = hub.read(name);
        boolean before = store.summary(run.key()).isPresent();
        if (!before) {
          // a run the store already has (a restarted operator stored it) is not written again
          store.put(run);
        }
        Optional<byte[]> stored = store.summary(run.key());
        if (stored.isEmpty() || (!before && !Arrays.equals(stored.get(), run.summary()))) {
          failed.add(
              hub.location(name) + ": the store does not return the summary just written; kept");
          continue;
        }
        hub.remove(name);
        uploaded.add(store.location(run.key()));
        LOG.info(
            "results kept at {} uploaded to {}", hub.location(name), store.location(run.key()));
      } catch (RuntimeException e) {
        failed.add(hub.location(name) + ": " + e.getMessage());
      }
    }
    failed.forEach(f -> LOG.warn("pending upload not done yet: {}", f));
    return new Pass(List.copyOf(uploaded), List.copyOf(failed));
  }

  /**
   * Runs {@link #uploadAll} now and then every {@code period} on a daemon thread, until {@link
   * #close}.
   */
  public synchronized void start(Duration period) {
    if (timer != null) {
      return;
    }
    timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread thread = new Thread(r, "illm-pending-uploads");
              thread.setDaemon(true);
              return thread;
            });
    timer.scheduleWithFixedDelay(this::passQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  private void passQuietly() {
    try {
      uploadAll();
    } catch (RuntimeException e) {
      // the hub itself did not answer (listing); the next pass tries again
      LOG.warn("pending uploads: {}", e.getMessage());
    }
  }
}
