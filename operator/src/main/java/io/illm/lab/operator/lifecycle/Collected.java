package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a metrics collection produced, all of it or what there was when it stopped: the lifecycle
 * takes it from the metrics port's observation and hands it to the results port in {@link
 * Action.StoreResults}, without looking inside. So the results port needs no metrics adapter, and a
 * Failed run can store what it had.
 *
 * @param metrics every metric, per target where asked, over the windows collected
 * @param window the measurement window with its step and repetitions
 * @param source where the numbers came from (the Prometheus API, or {@code simulated})
 * @param quality coverage and the quality gate's outcome
 * @param verdict the verdict on the hypothesis (null when it could not be judged)
 * @param complete true when every window of the plan was collected
 * @param collectedAt when the collection ended (or stopped)
 * @param dropped NaN and infinite values left out
 * @param raw the answers as received, by file ({@code <metric>/<target or _experiment>[-wN].json})
 */
public record Collected(
    List<MetricResult> metrics,
    Summary.Window window,
    String source,
    Quality quality,
    HypothesisResult verdict,
    boolean complete,
    Instant collectedAt,
    int dropped,
    SortedMap<String, String> raw) {

  public Collected {
    metrics = List.copyOf(metrics);
    raw = Collections.unmodifiableSortedMap(new TreeMap<>(raw));
  }

  /** True when nothing was collected: no metric has a sample with data. */
  public boolean empty() {
    return metrics.stream()
        .flatMap(m -> m.samples() == null ? java.util.stream.Stream.of() : m.samples().stream())
        .allMatch(s -> s.values().isEmpty());
  }

  @Override
  public String toString() {
    return "Collected[" + metrics.size() + " metrics, complete=" + complete + "]";
  }
}
