package io.illm.lab.operator.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.lifecycle.Action.StoreResults;
import io.illm.lab.operator.lifecycle.Observation.ResultsObservation;
import io.illm.lab.operator.lifecycle.Observation.ResultsState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Results port over a store, without the hub fallback (see StoredResultsOutageTest for that).
 */
class StoredResultsTest {

  static final ExperimentId ID = new ExperimentId("experiments", "tsdb");
  static final Retries FAST =
      new Retries(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10));

  @TempDir Path dir;

  final List<ExperimentId> announced = new CopyOnWriteArrayList<>();

  @Test
  void storeReturnsAtOnceAndTheRunIsAnnouncedWhenStored() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    FolderResultsStore folder = new FolderResultsStore(dir);
    try (StoredResults results =
        new StoredResults(
            folder,
            (id, spec, status, collected) -> {
              await(release);
              return SampleRuns.run("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
            },
            Optional.empty(),
            FAST,
            1)) {
      results.subscribe(announced::add);
      assertEquals(ResultsObservation.NOT_STORED, results.observe(ID));

      store(results);
      assertEquals(ResultsState.STORING, results.observe(ID).state());
      release.countDown();

      ResultsObservation done = awaitDone(results);
      RunKey key = new RunKey("tsdb", "20261127T000100Z-6f1c2d3e");
      assertEquals(new ResultsObservation(ResultsState.STORED, folder.location(key), null), done);
      assertEquals(
          List.of(ID),
          Await.until("the announcement", () -> List.copyOf(announced), l -> !l.isEmpty()));
      assertArrayEquals(
          SampleRuns.files("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z").summary(),
          folder.summary(key).orElseThrow());
    }
  }

  @Test
  void aSecondStoreOfTheSameExperimentDoesNothing() {
    AtomicInteger assembled = new AtomicInteger();
    try (StoredResults results =
        new StoredResults(
            new FolderResultsStore(dir),
            (id, spec, status, collected) -> {
              assembled.incrementAndGet();
              return SampleRuns.run("tsdb", "u1", "2026-11-27T00:01:00Z");
            },
            Optional.empty(),
            FAST,
            1)) {
      store(results);
      awaitDone(results);
      store(results);
      store(results);
      assertEquals(1, assembled.get());
    }
  }

  @Test
  void aForgottenExperimentStoresAgainAsANewRun() {
    AtomicInteger assembled = new AtomicInteger();
    try (StoredResults results =
        new StoredResults(
            new FolderResultsStore(dir),
            (id, spec, status, collected) ->
                SampleRuns.run("tsdb", "u" + assembled.incrementAndGet(), "2026-11-27T00:01:00Z"),
            Optional.empty(),
            FAST,
            1)) {
      store(results);
      awaitDone(results);
      results.forget(ID);
      assertEquals(ResultsObservation.NOT_STORED, results.observe(ID));
      store(results);
      assertEquals(true, awaitDone(results).url().endsWith("/20261127T000100Z-u2/"));
    }
  }

  @Test
  void retryableFailuresAreRetriedUntilTheStoreTakesTheRun() {
    FolderResultsStore folder = new FolderResultsStore(dir);
    AtomicInteger failuresLeft = new AtomicInteger(3);
    ResultsStore flaky = new Flaky(folder, failuresLeft, true);
    try (StoredResults results =
        new StoredResults(
            flaky,
            (id, spec, status, collected) -> SampleRuns.run("tsdb", "u1", "2026-11-27T00:01:00Z"),
            Optional.empty(),
            FAST,
            1)) {
      store(results);
      assertEquals(ResultsState.STORED, awaitDone(results).state());
      assertEquals(0, failuresLeft.get());
      assertEquals(1, folder.runs("tsdb").size());
    }
  }

  @Test
  void aPermanentFailureWithoutFallbackFailsWithTheStoresMessage() {
    ResultsStore refusing = new Flaky(new FolderResultsStore(dir), new AtomicInteger(1_000), false);
    try (StoredResults results =
        new StoredResults(
            refusing,
            (id, spec, status, collected) -> SampleRuns.run("tsdb", "u1", "2026-11-27T00:01:00Z"),
            Optional.empty(),
            FAST,
            1)) {
      results.subscribe(announced::add);
      store(results);
      assertEquals(
          new ResultsObservation(ResultsState.FAILED, null, "refused (permanent)"),
          awaitDone(results));
      assertEquals(
          List.of(ID),
          Await.until("the announcement", () -> List.copyOf(announced), l -> !l.isEmpty()));
    }
  }

  @Test
  void aStoreThatStaysDownPastTheDeadlineFailsWithoutFallback() {
    AtomicInteger attempts = new AtomicInteger(1_000_000);
    ResultsStore down = new Flaky(new FolderResultsStore(dir), attempts, true);
    Retries shortDeadline =
        new Retries(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(50));
    try (StoredResults results =
        new StoredResults(
            down,
            (id, spec, status, collected) -> SampleRuns.run("tsdb", "u1", "2026-11-27T00:01:00Z"),
            Optional.empty(),
            shortDeadline,
            1)) {
      store(results);
      ResultsObservation done = awaitDone(results);
      assertEquals(ResultsState.FAILED, done.state());
      assertEquals(true, done.message().startsWith("store unavailable for "), done.message());
      assertEquals(true, done.message().endsWith(" attempts: refused (retryable)"), done.message());
    }
  }

  @Test
  void aSummaryThatCannotBeAssembledFails() {
    try (StoredResults results =
        new StoredResults(
            new FolderResultsStore(dir),
            (id, spec, status, collected) -> {
              throw new IllegalStateException("no metrics collected");
            },
            Optional.empty(),
            FAST,
            1)) {
      store(results);
      assertEquals(
          new ResultsObservation(
              ResultsState.FAILED,
              null,
              "the summary could not be assembled: no metrics collected"),
          awaitDone(results));
    }
  }

  @Test
  void aFullQueueIsAPortExceptionAndTheExperimentIsNotMarkedStoring() {
    CountDownLatch release = new CountDownLatch(1);
    try (StoredResults results =
        new StoredResults(
            new FolderResultsStore(dir),
            (id, spec, status, collected) -> {
              await(release);
              return SampleRuns.run(id.name(), "u1", "2026-11-27T00:01:00Z");
            },
            Optional.empty(),
            FAST,
            1)) {
      for (int i = 0; i < 5; i++) {
        results.store(
            new ExperimentId("experiments", "e" + i),
            new ExperimentSpec(),
            new ExperimentStatus(),
            new StoreResults("e" + i, null));
      }
      ExperimentId sixth = new ExperimentId("experiments", "e5");
      assertThrows(
          PortException.class,
          () ->
              results.store(
                  sixth,
                  new ExperimentSpec(),
                  new ExperimentStatus(),
                  new StoreResults("e5", null)));
      assertEquals(ResultsObservation.NOT_STORED, results.observe(sixth));
      release.countDown();
    }
  }

  static void store(StoredResults results) {
    results.store(ID, new ExperimentSpec(), new ExperimentStatus(), new StoreResults("tsdb", null));
  }

  static ResultsObservation awaitDone(StoredResults results) {
    return Await.until(
        "the store to end", () -> results.observe(ID), o -> o.state() != ResultsState.STORING);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A store that refuses the first {@code failures} puts. */
  record Flaky(ResultsStore store, AtomicInteger failures, boolean retryable)
      implements ResultsStore {
    @Override
    public String location(RunKey key) {
      return store.location(key);
    }

    @Override
    public void put(RunFiles run) {
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        throw new ResultsStoreException(
            "refused (" + (retryable ? "retryable" : "permanent") + ")", retryable, null);
      }
      store.put(run);
    }

    @Override
    public List<RunKey> runs(String experiment) {
      return store.runs(experiment);
    }

    @Override
    public List<String> experiments() {
      return store.experiments();
    }

    @Override
    public Optional<byte[]> summary(RunKey key) {
      return store.summary(key);
    }
  }
}
