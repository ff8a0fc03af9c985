package io.illm.lab.operator.metrics;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Quality;
import io.illm.lab.results.Summary;
import java.time.Instant;
import java.util.List;

/**
 * The last collection of an experiment's metrics, as the results store reads it.
 *
 * @param metrics every metric, per target where asked
 * @param window the measurement window with its step and repetitions
 * @param source the Prometheus API the queries went to
 * @param attempts how many collections ran (the quality gate may repeat it)
 * @param coverage samples with data / samples, of the last attempt
 * @param gate the quality gate in effect
 * @param gatePassed true when the last attempt passed the gate
 * @param verdict the judge's verdict on the hypothesis (null when judging failed)
 * @param failure why the collection failed (then observe says FAILED), or null
 * @param collectedAt when the last attempt ended
 * @param dropped NaN and infinite values dropped in the last attempt
 * @param raw the response bodies of the last attempt
 */
public record Collection(
    List<MetricResult> metrics,
    Summary.Window window,
    String source,
    int attempts,
    double coverage,
    Gate gate,
    boolean gatePassed,
    HypothesisResult verdict,
    String failure,
    Instant collectedAt,
    int dropped,
    List<Attempt.Raw> raw) {

  public Collection {
    metrics = List.copyOf(metrics);
    raw = List.copyOf(raw);
  }

  /** The quality section of summary.json. */
  public Quality quality() {
    return new Quality(coverage, gate.minCoverage(), attempts, gate.maxAttempts(), gatePassed);
  }
}
