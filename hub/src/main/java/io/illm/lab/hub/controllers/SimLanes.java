package io.illm.lab.hub.controllers;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Where the simulated controllers' writes run: a few single-thread lanes, an object's steps always
 * on the same lane (in the order they came due), different objects side by side. A real controller
 * works on many objects at once; run one after another on the clock's thread, each write waiting on
 * the API server, 1,000 experiments' writes queued for minutes (ADR-012).
 */
final class SimLanes implements AutoCloseable {

  private final List<ExecutorService> lanes = new ArrayList<>();

  SimLanes(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one lane, got " + count);
    }
    for (int i = 0; i < count; i++) {
      String name = "sim-controller-" + i;
      lanes.add(
          Executors.newSingleThreadExecutor(
              r -> {
                Thread thread = new Thread(r, name);
                thread.setDaemon(true);
                return thread;
              }));
    }
  }

  /** Runs {@code task} on the lane of {@code key}, after the tasks given for that key before it. */
  void run(String key, Runnable task) {
    try {
      lanes.get(Math.floorMod(key.hashCode(), lanes.size())).execute(task);
    } catch (RejectedExecutionException e) {
      // closed: the hub is shutting down and nothing is left to simulate
    }
  }

  @Override
  public void close() {
    lanes.forEach(ExecutorService::shutdownNow);
  }
}
