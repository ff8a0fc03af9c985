package io.illm.lab.operator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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

  @Test
  void aCompressionFactorMustBePositive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimClock.compressed(T0, 0));
    assertEquals("a time-compression factor must be greater than 0, got 0.0", e.getMessage());
  }
}
