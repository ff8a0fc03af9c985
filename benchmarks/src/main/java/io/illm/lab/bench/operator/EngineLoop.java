package io.illm.lab.bench.operator;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The baseline's shell: what JOSDK does for the operator, in memory. The experiments live in a map
 * (no API server); a change the {@link SimWorld} announces, or a due look-again, queues a turn; at
 * most {@code concurrency} turns run at once, never two of one experiment (an event during a turn
 * queues one more after it, as JOSDK does); a turn's status is kept as the next turn's input.
 */
final class EngineLoop implements AutoCloseable {

  private final SimWorld world;
  private final Engine engine;
  private final ExecutorService workers;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "engine-loop-timer");
            t.setDaemon(true);
            return t;
          });
  private final Map<ExperimentId, Experiment> experiments = new ConcurrentHashMap<>();
  private final Set<ExperimentId> queued = new HashSet<>();
  private final Set<ExperimentId> running = new HashSet<>();
  private final Set<ExperimentId> again = new HashSet<>();
  private final AtomicLong turns = new AtomicLong();
  private final Reactions reactions;
  private final Map<String, Phase> ended;

  EngineLoop(
      SimClock clock,
      SimTimings timings,
      int concurrency,
      Reactions reactions,
      Map<String, Phase> ended) {
    this.world = new SimWorld(clock, timings);
    this.engine = new Engine(world.ports(), clock);
    this.workers =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "engine-loop");
              t.setDaemon(true);
              return t;
            });
    this.reactions = reactions;
    this.ended = ended;
    engine.onChange(
        id -> {
          reactions.stimulus(id.name(), System.nanoTime());
          queue(id);
        });
  }

  SimWorld world() {
    return world;
  }

  /** Adds {@code experiment} (as if created) and queues its first turn. */
  void create(Experiment experiment) {
    ExperimentId id = Engine.id(experiment);
    experiments.put(id, experiment);
    queue(id);
  }

  long turns() {
    return turns.get();
  }

  private void queue(ExperimentId id) {
    synchronized (this) {
      if (!experiments.containsKey(id)) {
        return;
      }
      if (running.contains(id)) {
        again.add(id);
        return;
      }
      if (!queued.add(id)) {
        return;
      }
    }
    workers.execute(() -> turn(id));
  }

  private void turn(ExperimentId id) {
    synchronized (this) {
      queued.remove(id);
      running.add(id);
    }
    try {
      Experiment experiment = experiments.get(id);
      Outcome outcome = engine.turn(experiment, experiment::setStatus);
      turns.incrementAndGet();
      reactions.status(id.name(), outcome.status(), System.nanoTime());
      Phase phase = outcome.status().getPhase();
      if (phase == Phase.COMPLETE || phase == Phase.FAILED) {
        ended.putIfAbsent(id.name(), phase);
      }
      outcome
          .lookAgainIn()
          .ifPresent(d -> timer.schedule(() -> queue(id), d.toNanos(), TimeUnit.NANOSECONDS));
    } finally {
      boolean more;
      synchronized (this) {
        running.remove(id);
        more = again.remove(id);
      }
      if (more) {
        queue(id);
      }
    }
  }

  @Override
  public void close() {
    workers.shutdownNow();
    timer.shutdownNow();
  }
}
