package io.illm.lab.operator.judge;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Judges collected metrics against their experiment: statistics per sample, comparisons between
 * targets, the verdict on the hypothesis. Pure and deterministic (docs/judgment.md, ADR-009).
 */
public final class Judge {

  private static final Comparator<Sample> BY_TARGET =
      Comparator.comparing(Sample::target, Comparator.nullsFirst(Comparator.naturalOrder()));

  private Judge() {}

  /**
   * Fills every sample's statistics from its values, sets each metric's {@code better} (and {@code
   * onEmpty} where the collector left it empty) from the spec, orders samples by target (the
   * experiment-wide one first), then compares targets and judges the criteria.
   *
   * @param spec the spec the run started with
   * @param metrics what collection returned, one entry per metric, in spec order
   */
  public static Judgment judge(ExperimentSpec spec, List<MetricResult> metrics) {
    List<MetricResult> filled = metrics.stream().map(m -> withStatistics(spec, m)).toList();
    return new Judgment(filled, Comparisons.of(spec, filled), Verdicts.judge(spec, filled));
  }

  private static MetricResult withStatistics(ExperimentSpec spec, MetricResult metric) {
    MetricQuery query = query(spec, metric.name());
    String better =
        query != null && query.getBetter() != null ? query.getBetter().value() : metric.better();
    String onEmpty = metric.onEmpty() != null ? metric.onEmpty() : onEmpty(spec, query);
    List<Sample> samples =
        metric.samples().stream()
            .map(
                s ->
                    new Sample(
                        s.target(),
                        s.query(),
                        s.outcome(),
                        s.error(),
                        s.series(),
                        s.values(),
                        Statistics.of(s.values())))
            .sorted(BY_TARGET)
            .toList();
    return new MetricResult(
        metric.name(),
        metric.type(),
        metric.unit(),
        metric.description(),
        metric.group(),
        metric.perTarget(),
        onEmpty,
        better,
        samples);
  }

  private static MetricQuery query(ExperimentSpec spec, String name) {
    if (spec.getMetrics() == null || spec.getMetrics().getQueries() == null) {
      return null;
    }
    return spec.getMetrics().getQueries().stream()
        .filter(q -> q != null && Objects.equals(q.getName(), name))
        .findFirst()
        .orElse(null);
  }

  /** The query's onEmpty, else metrics.onEmpty, else insufficient. */
  private static String onEmpty(ExperimentSpec spec, MetricQuery query) {
    EmptyResult value = query == null ? null : query.getOnEmpty();
    if (value == null && spec.getMetrics() != null) {
      value = spec.getMetrics().getOnEmpty();
    }
    return (value == null ? EmptyResult.INSUFFICIENT : value).value();
  }
}
