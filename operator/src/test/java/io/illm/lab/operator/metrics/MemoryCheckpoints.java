package io.illm.lab.operator.metrics;

import io.illm.lab.operator.ports.ExperimentId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Checkpoints kept in memory, surviving the operators a test starts and kills over them; each save
 * is told to a listener (which window of which attempt, when).
 */
public final class MemoryCheckpoints implements Checkpoints {

  private final Map<ExperimentId, Saved> kept = new HashMap<>();
  private BiConsumer<ExperimentId, String> saves = (id, window) -> {};

  /** Tells {@code listener} of every save, as {@code a<attempt>-w<window>}. */
  public synchronized void onSave(BiConsumer<ExperimentId, String> listener) {
    saves = listener;
  }

  /** True when nothing is kept for {@code experiment}. */
  public synchronized boolean empty(ExperimentId experiment) {
    return !kept.containsKey(experiment);
  }

  @Override
  public synchronized Optional<Saved> load(ExperimentId experiment) {
    return Optional.ofNullable(kept.get(experiment));
  }

  @Override
  public synchronized void save(
      ExperimentId experiment,
      QueryPlan plan,
      int attempt,
      int window,
      Map<String, Answer> answers) {
    Saved before = kept.get(experiment);
    TreeMap<Integer, Map<String, Answer>> windows =
        before == null || before.attempt() != attempt || !before.plan().equals(plan)
            ? new TreeMap<>()
            : new TreeMap<>(before.windows());
    windows.put(window, Map.copyOf(answers));
    kept.put(experiment, new Saved(plan, attempt, windows));
    saves.accept(experiment, "a" + attempt + "-w" + window);
  }

  @Override
  public synchronized void clear(ExperimentId experiment) {
    kept.remove(experiment);
  }
}
