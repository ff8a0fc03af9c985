package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.adapters.prometheus.Collector;
import io.illm.lab.operator.adapters.prometheus.PrometheusApi;
import io.illm.lab.operator.adapters.prometheus.PrometheusMetrics;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.judge.Judge;
import io.illm.lab.operator.metrics.MemoryCheckpoints;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.results.ResultsStore;
import io.illm.lab.operator.results.Retries;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.results.RunSummaries;
import io.illm.lab.operator.results.StoredResults;
import io.illm.lab.results.Summary;
import io.illm.lab.results.SummaryJson;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operator stopped at generated points of a run and started afresh over the same world: the
 * simulated clusters, deployments and workflow, the status as last written, the collection's
 * checkpoints and the results store survive; the engine, the metrics port (a {@link
 * PrometheusMetrics} on a {@link SimPrometheus}) and the results port ({@link StoredResults}) do
 * not. Whatever the stop points: no window whose queries were all answered and kept is queried
 * again, the results are stored exactly once (Complete: the whole run; deleted while collecting:
 * what it had, as Failed), and nothing is left behind. {@code -Drestart.examples=N} runs more.
 */
class RestartPropertiesTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  /** 100 runs of 2 or 3 stops each: at least 200 stop points. */
  private static final int EXAMPLES = Integer.getInteger("restart.examples", 100);

  private static final AtomicLong EXAMPLE = new AtomicLong();

  private static SimPrometheus prometheus;
  private static final AtomicLong CLOCK = new AtomicLong();
  private static final Map<String, List<Long>> QUERIED = new ConcurrentHashMap<>();

  @BeforeAll
  static void source() throws IOException {
    prometheus = new SimPrometheus(7);
    prometheus.onQuery(q -> QUERIED.computeIfAbsent(q, k -> new ArrayList<>()).add(tick()));
  }

  @AfterAll
  static void stop() {
    prometheus.close();
  }

  @Test
  void stopsAnywhereNeitherRepeatAWindowNorStoreTwiceNorLeak() {
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(20)
        .forAll(lists().of(integers().between(1, 40)).ofSizeBetween(2, 3), integers().between(0, 3))
        .checkAssert(this::runWithStops);
  }

  private void runWithStops(List<Integer> stops, Integer deleteAfterCollecting) {
    Run run = new Run(deleteAfterCollecting == 0 ? -1 : deleteAfterCollecting);
    try {
      run.drive(new TreeSet<>(stops));
      run.check();
    } finally {
      run.close();
    }
  }

  private static long tick() {
    return CLOCK.incrementAndGet();
  }

  /** One experiment's run: the world that survives stops, and the operator of the moment. */
  private static final class Run {
    final SimWorld world = new SimWorld(SimClock.manual(T0), SimTimings.TYPICAL);
    final MemoryCheckpoints checkpoints = new MemoryCheckpoints();
    final Map<String, Long> kept = new ConcurrentHashMap<>();
    final CountingStore store = new CountingStore();
    final String name = "tsdb-" + EXAMPLE.incrementAndGet();
    final ExperimentId id = new ExperimentId(Experiments.NAMESPACE, name);
    final Experiment experiment = Experiments.twoTargets(name);
    final int deleteAfter;
    volatile io.illm.lab.operator.metrics.QueryPlan plan;
    Operator operator;
    int collectingTurns;
    boolean removed;

    Run(int deleteAfter) {
      this.deleteAfter = deleteAfter;
      MetricsSpec metrics = new MetricsSpec();
      metrics.setRepetitions(3);
      experiment.getSpec().setMetrics(metrics);
      experiment.getMetadata().setUid("6f1c2d3e-aaaa");
      experiment.getMetadata().setCreationTimestamp(T0.toString());
      experiment.getMetadata().setGeneration(1L);
      experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
      checkpoints.onSave((id, window) -> kept.putIfAbsent(window, tick()));
      operator = new Operator(this);
    }

    void drive(Set<Integer> stops) {
      for (int turn = 1; turn <= 400 && !removed; turn++) {
        if (stops.contains(turn)) {
          operator.kill();
          operator = new Operator(this);
        }
        if (deleteAfter > 0 && collecting() && ++collectingTurns == deleteAfter) {
          experiment.getMetadata().setDeletionTimestamp(world.clock.instant().toString());
        }
        Outcome outcome = operator.engine.turn(experiment, experiment::setStatus);
        removed = outcome.finalizerRemovable();
        if (!removed && !operator.waitForPorts()) {
          Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
          world.clock.advance(
              next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
        }
      }
    }

    boolean collecting() {
      return experiment.getStatus() != null
          && experiment.getStatus().getPhase() == Phase.RUNNING
          && !"Workload".equals(experiment.getStatus().getStep());
    }

    void check() {
      String status = String.valueOf(experiment.getStatus());
      assertTrue(removed, "the run never ended and let its finalizer go: " + status);
      // no window that was kept is queried again
      assertWindowsNotRepeated();
      Phase phase = experiment.getStatus().getPhase();
      boolean collectedSomething = !kept.isEmpty();
      int expected = phase == Phase.COMPLETE || collectedSomething ? 1 : 0;
      assertEquals(expected, store.puts.size(), "summaries stored, " + status);
      if (expected == 1) {
        // a run deleted while its complete results were being stored keeps them as they were
        assertTrue(
            store.phase().equals(phase.toString()) || phase == Phase.FAILED,
            "a Complete run's summary says " + store.phase());
        assertTrue(store.simulated(), "a run on a simulated source says simulated");
        assertTrue(experiment.getStatus().getResultsURL() != null, "no resultsURL: " + status);
      }
      assertTrue(checkpoints.empty(id), "checkpoints left behind");
      assertEquals(Map.of(), world.clusters.existing(), "clusters left behind");
      assertEquals(0, world.workflows.existing(), "workflows left behind");
    }

    /** Every query of a kept window happened before the window was kept, never after. */
    private void assertWindowsNotRepeated() {
      for (Map.Entry<String, List<Long>> query : ours().entrySet()) {
        String window = windowOf(query.getKey());
        Long keptAt = keptAt(window);
        if (keptAt != null) {
          for (long t : query.getValue()) {
            assertTrue(t < keptAt, "queried after its window was kept: " + query.getKey());
          }
        }
      }
    }

    /** The queries of this run (an earlier run's stopped operator may still be answered). */
    private Map<String, List<Long>> ours() {
      Map<String, List<Long>> mine = new HashMap<>();
      QUERIED.forEach(
          (query, times) -> {
            if (query.contains("\"" + name + "\"")) {
              mine.put(query, List.copyOf(times));
            }
          });
      return mine;
    }

    private String windowOf(String query) {
      return query.substring(query.indexOf('@'));
    }

    /** When the window that a query with these bounds asked about was kept, if it was. */
    private Long keptAt(String bounds) {
      if (plan == null) {
        return null;
      }
      double end = Double.parseDouble(bounds.substring(bounds.indexOf("..") + 2));
      for (var window : plan.windows()) {
        double from = window.start().getEpochSecond();
        double to = window.end().getEpochSecond();
        if (end > from && end <= to) {
          return kept.get("a1-w" + window.index());
        }
      }
      return null;
    }

    void close() {
      operator.kill();
    }
  }

  /** The operator's process: what a stop loses. */
  private static final class Operator {
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ExecutorService workers = Collector.workers(4);
    final LinkedBlockingQueue<ExperimentId> finished = new LinkedBlockingQueue<>();
    final PrometheusMetrics metrics;
    final StoredResults results;
    final Engine engine;
    final ExperimentId id;
    final Run run;
    volatile boolean alive = true;

    Operator(Run run) {
      this.run = run;
      id = run.id;
      metrics =
          new PrometheusMetrics(
              new Collector(PrometheusApi.of(prometheus.uri()), workers, Duration.ofSeconds(10)),
              scheduler,
              (spec, m) -> Judge.judge(spec, m).verdict().result(),
              spec -> spec.getMetrics().getRepetitions(),
              id -> announce(id),
              new Lifeline(run.checkpoints, this),
              true);
      RunSummaries summaries =
          new RunSummaries(
              id -> Optional.of(run.experiment.getMetadata()),
              CostModel.standard(),
              run.world.clock,
              true,
              "test");
      results =
          new StoredResults(
              new LifelineStore(run.store, this), summaries, Optional.empty(), Retries.DEFAULT, 1);
      results.subscribe(this::announce);
      engine = new Engine(run.world.ports(metrics, results), run.world.clock);
    }

    private void announce(ExperimentId id) {
      if (alive) {
        finished.add(id);
      }
    }

    /** Waits for a collection or a store under way; false when none was. */
    boolean waitForPorts() {
      boolean busy =
          metrics.observe(id).state()
                  == io.illm.lab.operator.lifecycle.Observation.MetricsState.RUNNING
              || results.observe(id).state()
                  == io.illm.lab.operator.lifecycle.Observation.ResultsState.STORING;
      if (busy) {
        try {
          assertEquals(id, finished.poll(20, TimeUnit.SECONDS), "a port never finished");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return busy;
    }

    /** A stopped process sends nothing more: its queries in flight are let go first. */
    void kill() {
      alive = false;
      scheduler.shutdownNow();
      workers.shutdownNow();
      results.close();
      try {
        workers.awaitTermination(15, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A dead operator writes nothing: its checkpoints after the stop are lost. */
  private record Lifeline(MemoryCheckpoints kept, Operator operator)
      implements io.illm.lab.operator.metrics.Checkpoints {
    @Override
    public Optional<Saved> load(ExperimentId experiment) {
      return kept.load(experiment);
    }

    @Override
    public void save(
        ExperimentId experiment,
        io.illm.lab.operator.metrics.QueryPlan plan,
        int attempt,
        int window,
        Map<String, io.illm.lab.operator.metrics.Answer> answers) {
      if (operator.alive) {
        operator.run.plan = plan;
        kept.save(experiment, plan, attempt, window, answers);
      }
    }

    @Override
    public void clear(ExperimentId experiment) {
      if (operator.alive) {
        kept.clear(experiment);
      }
    }
  }

  /** A dead operator writes nothing to the store either. */
  private record LifelineStore(CountingStore store, Operator operator) implements ResultsStore {
    @Override
    public String location(RunKey key) {
      return store.location(key);
    }

    @Override
    public void put(RunFiles run) {
      if (operator.alive) {
        store.put(run);
      }
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

  /** A results store in memory, counting the runs written. */
  private static final class CountingStore implements ResultsStore {
    final List<RunFiles> puts = new ArrayList<>();
    final Map<RunKey, RunFiles> runs = new ConcurrentHashMap<>();

    String phase() {
      return summary().run().phase();
    }

    boolean simulated() {
      return summary().simulated();
    }

    private Summary summary() {
      return SummaryJson.read("summary.json", puts.get(0).summary());
    }

    @Override
    public String location(RunKey key) {
      return "memory://" + key.experiment() + "/" + key.run() + "/";
    }

    @Override
    public synchronized void put(RunFiles run) {
      puts.add(run);
      runs.put(run.key(), run);
    }

    @Override
    public List<RunKey> runs(String experiment) {
      return runs.keySet().stream()
          .filter(k -> k.experiment().equals(experiment))
          .sorted()
          .toList();
    }

    @Override
    public List<String> experiments() {
      return runs.keySet().stream().map(RunKey::experiment).distinct().sorted().toList();
    }

    @Override
    public Optional<byte[]> summary(RunKey key) {
      return Optional.ofNullable(runs.get(key)).map(RunFiles::summary);
    }
  }
}
