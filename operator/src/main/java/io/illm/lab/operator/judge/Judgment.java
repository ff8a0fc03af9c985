package io.illm.lab.operator.judge;

import io.illm.lab.results.Comparison;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Verdict;
import java.util.List;

/**
 * What {@link Judge#judge} concluded.
 *
 * @param metrics the metrics with statistics filled, better and onEmpty from the spec, samples
 *     ordered
 * @param comparisons the comparisons the spec declares, each target against its baseline
 * @param verdict the verdict on the hypothesis (a null result without criteria)
 */
public record Judgment(List<MetricResult> metrics, List<Comparison> comparisons, Verdict verdict) {

  public Judgment {
    metrics = List.copyOf(metrics);
    comparisons = List.copyOf(comparisons);
  }
}
