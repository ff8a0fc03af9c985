package io.illm.lab.hub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SimClockTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  @Test
  void aManualClockMovesOnlyWhenAdvancedAndRunsTasksWhenTheyFallDue() throws InterruptedException {
    SimClock clock = SimClock.manual(T0);
    BlockingQueue<String> ran = new LinkedBlockingQueue<>();
    clock.at(T0.plusSeconds(60), () -> ran.add("later"));
    clock.at(T0, () -> ran.add("now"));

    assertEquals("now", ran.poll(5, TimeUnit.SECONDS));
    assertEquals(T0, clock.instant());
    assertNull(ran.poll(50, TimeUnit.MILLISECONDS));

    clock.advance(Duration.ofSeconds(60));

    assertEquals(T0.plusSeconds(60), clock.instant());
    assertEquals("later", ran.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void aCompressedClockRunsFasterThanRealTime() throws InterruptedException {
    SimClock clock = SimClock.compressed(T0, 1_000_000);
    BlockingQueue<String> ran = new LinkedBlockingQueue<>();
    clock.at(T0.plus(Duration.ofHours(1)), () -> ran.add("an hour later"));

    // an hour at a million times real speed is 3.6 ms: it runs without anyone advancing the clock
    assertEquals("an hour later", ran.poll(10, TimeUnit.SECONDS));
    assertTrue(!clock.instant().isBefore(T0.plus(Duration.ofHours(1))));
  }

  /**
   * Tasks due at the same instant run in the order they were given, even while another thread
   * advances the clock: each {@code at} and {@code advance} hands due tasks to the runner, and they
   * must not overtake each other on the way.
   */
  @Test
  void tasksDueTogetherRunInTheOrderGivenWhileTheClockIsAdvanced() throws InterruptedException {
    SimClock clock = SimClock.manual(T0);
    int tasks = 200_000;
    List<Integer> ran = Collections.synchronizedList(new ArrayList<>(tasks));
    AtomicBoolean given = new AtomicBoolean();
    List<Thread> advancing = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      advancing.add(
          new Thread(
              () -> {
                while (!given.get()) {
                  clock.advance(Duration.ZERO);
                }
              }));
    }
    advancing.forEach(Thread::start);
    for (int i = 0; i < tasks; i++) {
      int task = i;
      clock.at(T0, () -> ran.add(task));
    }
    given.set(true);
    for (Thread thread : advancing) {
      thread.join();
    }
    CountDownLatch last = new CountDownLatch(1);
    clock.at(T0, last::countDown);
    assertTrue(last.await(10, TimeUnit.SECONDS), "the runner did not finish");

    assertEquals(tasks, ran.size());
    for (int i = 0; i < tasks; i++) {
      if (ran.get(i) != i) {
        throw new AssertionError(
            "tasks ran out of order: at position " + i + " ran task " + ran.get(i));
      }
    }
  }

  @Test
  void aCompressionFactorMustBePositive() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SimClock.compressed(T0, 0));
    assertEquals("a time-compression factor must be greater than 0, got 0.0", e.getMessage());
  }
}
