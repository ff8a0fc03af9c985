package io.illm.lab.operator.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StartedFirstExecutorTest {

  @Test
  void experimentsUnderWayGoBeforeNewOnesEachInArrivalOrder() throws Exception {
    assertEquals(
        List.of("b", "c", "e", "a", "d"),
        order(
            Duration.ofMinutes(1),
            "a",
            pending(),
            "b",
            running(),
            "c",
            running(),
            "d",
            null,
            "e",
            running()));
  }

  @Test
  void withoutAHeadStartItIsFirstComeFirstServed() throws Exception {
    assertEquals(
        List.of("a", "b", "c", "d"),
        order(Duration.ZERO, "a", pending(), "b", running(), "c", pending(), "d", running()));
  }

  @Test
  void aNewExperimentIsNotOvertakenByWhatCameLaterThanItsHeadStart() throws Exception {
    StartedFirstExecutor executor = new StartedFirstExecutor(1, Duration.ofMillis(50));
    try {
      List<String> ran = new CopyOnWriteArrayList<>();
      CountDownLatch release = block(executor);
      submit(executor, "new", pending(), ran);
      Thread.sleep(120);
      submit(executor, "later", running(), ran);
      release.countDown();
      awaitSize(ran, 2);
      assertEquals(List.of("new", "later"), ran);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void newMeansNoStatusOrPendingAndNotBeingDeleted() {
    assertTrue(StartedFirstExecutor.isNew(experiment(null)));
    assertTrue(StartedFirstExecutor.isNew(pending()));
    assertFalse(StartedFirstExecutor.isNew(running()));
    Experiment deleted = pending();
    deleted.getMetadata().setDeletionTimestamp("2026-11-27T00:00:00Z");
    assertFalse(
        StartedFirstExecutor.isNew(deleted), "deleting a pending experiment is not held back");
    assertFalse(StartedFirstExecutor.isNew(new ConfigMap()));
  }

  @Test
  void aTaskWithoutItsResourceCountsAsUnderWayAndIsCountedBlind() throws Exception {
    StartedFirstExecutor executor = new StartedFirstExecutor(1, Duration.ofMinutes(1));
    try {
      List<String> ran = new CopyOnWriteArrayList<>();
      CountDownLatch release = block(executor);
      submit(executor, "new", pending(), ran);
      executor.execute(() -> ran.add("unknown"));
      release.countDown();
      awaitSize(ran, 2);
      assertEquals(List.of("unknown", "new"), ran);
      assertEquals(2, executor.blind(), "the blocker and the unknown task");
      assertEquals(1, executor.told());
    } finally {
      executor.shutdownNow();
    }
  }

  /** Runs the named tasks (name, experiment pairs) on one thread held busy until all are queued. */
  private static List<String> order(Duration headStart, Object... tasks) throws Exception {
    StartedFirstExecutor executor = new StartedFirstExecutor(1, headStart);
    try {
      List<String> ran = new CopyOnWriteArrayList<>();
      CountDownLatch release = block(executor);
      for (int i = 0; i < tasks.length; i += 2) {
        submit(executor, (String) tasks[i], (Experiment) tasks[i + 1], ran);
      }
      release.countDown();
      awaitSize(ran, tasks.length / 2);
      return ran;
    } finally {
      executor.shutdownNow();
    }
  }

  private static CountDownLatch block(StartedFirstExecutor executor) throws InterruptedException {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(
        () -> {
          started.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    assertTrue(started.await(5, TimeUnit.SECONDS));
    return release;
  }

  private static void submit(
      StartedFirstExecutor executor, String name, Experiment experiment, List<String> ran) {
    executor.submitting(experiment == null ? experiment(null) : experiment);
    executor.execute(() -> ran.add(name));
  }

  private static void awaitSize(List<String> ran, int size) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (ran.size() < size && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertEquals(size, ran.size(), "ran: " + ran);
  }

  private static Experiment pending() {
    return experiment(Phase.PENDING);
  }

  private static Experiment running() {
    return experiment(Phase.RUNNING);
  }

  private static Experiment experiment(Phase phase) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(new ObjectMetaBuilder().withName("e").withNamespace("lab").build());
    if (phase != null) {
      ExperimentStatus status = new ExperimentStatus();
      status.setPhase(phase);
      experiment.setStatus(status);
    }
    return experiment;
  }
}
