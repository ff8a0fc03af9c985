package io.illm.lab.operator.metrics;

import io.illm.lab.results.MetricResult;
import java.util.List;

/**
 * One collection of a plan: every metric with its samples, and what the quality gate needs.
 *
 * @param number 1 for the first collection, 2 for the first re-collection, ...
 * @param metrics the metrics in plan order
 * @param coverage samples with data / samples (0 when there are no samples)
 * @param failures one line per sample whose metric says {@code onEmpty: fail} and that had no data
 *     (empty or error), e.g. {@code p99_latency (target app): empty result, and onEmpty is fail}
 * @param unreachable when no query was answered by any server (the source is down or unreachable):
 *     the first such error; else null
 * @param dropped NaN and infinite values the server returned, which are never stored
 * @param raw the response bodies as received
 */
public record Attempt(
    int number,
    List<MetricResult> metrics,
    double coverage,
    List<String> failures,
    String unreachable,
    int dropped,
    List<Raw> raw) {

  public Attempt {
    metrics = List.copyOf(metrics);
    failures = List.copyOf(failures);
    raw = List.copyOf(raw);
  }

  /**
   * One response body, for {@code raw/<metric>/<target or _experiment>.json}.
   *
   * @param metric the metric's name
   * @param target the target, or null for an experiment-wide query
   * @param window the repetition window, from 0
   * @param body the body as received
   */
  public record Raw(String metric, String target, int window, String body) {}
}
