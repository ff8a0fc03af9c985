package io.illm.lab.kube;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the processes a test started: politely, then for good. */
public final class Processes {

  private Processes() {}

  /** SIGTERM, {@code grace} to exit, then SIGKILL; waits until it is gone. */
  public static void stop(Process process, Duration grace) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(process);
    }
  }

  /** SIGKILL, and waits until it is gone. */
  public static void kill(Process process) {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
