package io.illm.lab.operator.metrics;

import io.illm.lab.operator.ports.ExperimentId;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Where a collection keeps its finished windows while it runs, so that an operator restarted in the
 * middle resumes it instead of querying again, and a run that fails keeps what it had. A window is
 * finished when every one of its queries was answered (with data, empty or a server's error); only
 * the newest attempt is kept.
 */
public interface Checkpoints {

  /**
   * What a collection kept.
   *
   * @param plan the plan it collected (a different plan, e.g. a changed spec, starts afresh)
   * @param attempt the attempt the windows belong to
   * @param windows the finished windows: answers by {@link Attempts#key} and window index
   */
  record Saved(QueryPlan plan, int attempt, SortedMap<Integer, Map<String, Answer>> windows) {}

  /** What the collection of {@code experiment} kept, if anything. */
  Optional<Saved> load(ExperimentId experiment);

  /**
   * Keeps a finished window; saving the first window of a new attempt drops the older attempt's. A
   * window too large to keep is left out (it is queried again after a restart).
   */
  void save(
      ExperimentId experiment,
      QueryPlan plan,
      int attempt,
      int window,
      Map<String, Answer> answers);

  /** Drops everything kept for {@code experiment}. */
  void clear(ExperimentId experiment);

  /** Keeps nothing: a restart collects again from the start. */
  Checkpoints NONE =
      new Checkpoints() {
        @Override
        public Optional<Saved> load(ExperimentId experiment) {
          return Optional.empty();
        }

        @Override
        public void save(
            ExperimentId experiment,
            QueryPlan plan,
            int attempt,
            int window,
            Map<String, Answer> answers) {}

        @Override
        public void clear(ExperimentId experiment) {}
      };
}
