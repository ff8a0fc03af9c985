package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.metric;

import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;
import io.illm.lab.model.EmptyResult;

/**
 * The metric shapes the tutorials share. A tutorial ends by hand, so its window is the learner's
 * whole session, far longer than the load: rates are read as their peak over the window (the minute
 * the load ran), counts as their increase over the window, memory as its peak.
 */
final class TutorialMetrics {

  static final double MIB = 1024 * 1024;

  private TutorialMetrics() {}

  /** The selector of the experiment's containers whose pod matches {@code pods}. */
  static String pods(String pods) {
    return "experiment=\"$EXPERIMENT\",pod=~\"" + pods + "\",container!=\"POD\",container!=\"\"";
  }

  /** The selector of the experiment's series of pods matching {@code pods} (no container). */
  static String series(String pods) {
    return "experiment=\"$EXPERIMENT\",pod=~\"" + pods + "\"";
  }

  /**
   * A metric only one component of the experiment exports (its name says whose, {@code
   * fluentbit_...}): selected by the experiment alone, whatever the chart names the pods.
   */
  static String own(String metric) {
    return metric + "{experiment=\"$EXPERIMENT\"}";
  }

  /** The highest total working-set memory of the pods over the window; empty is missing. */
  static MetricDef peakMemory(String name, String pods, String description) {
    return metric(name)
        .promql(
            "max_over_time(sum(container_memory_working_set_bytes{"
                + pods(pods)
                + "})[$DURATION:1m])")
        .unit(Unit.BYTES)
        .group("memory")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe(description);
  }

  /** The pods' CPU over the window, in cores. */
  static MetricDef cpu(String name, String pods, String description) {
    return metric(name)
        .promql("sum(rate(container_cpu_usage_seconds_total{" + pods(pods) + "}[5m]))")
        .range()
        .unit(Unit.CORES)
        .group("cpu")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe(description);
  }

  /**
   * The highest one-minute rate of a counter over the window: what the load reached. The unit is
   * text, a rate's ({@code req/s}, {@code bytes/s}).
   */
  static MetricDef peakRate(String name, String counter, String unit, String description) {
    return metric(name)
        .promql("max_over_time(sum(rate(" + counter + "[1m]))[$DURATION:1m])")
        .unit(unit)
        .group("throughput")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe(description);
  }

  /**
   * How much a counter grew over the window. Empty is missing, not 0: the counters used are
   * exported from the start, so no series means the component was not scraped, and a criterion "at
   * most 0" must not pass on that.
   */
  static MetricDef increase(String name, String counter, Unit unit, String description) {
    return metric(name)
        .promql("sum(increase(" + counter + "[$DURATION]))")
        .unit(unit)
        .group("totals")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe(description);
  }

  /**
   * {@code out} over {@code in}, both increases over the window, in percent: the share of what
   * entered a pipeline stage that left it. Empty (no input) is missing, not 0 % or 100 %.
   */
  static MetricDef delivered(String name, String out, String in, String description) {
    return metric(name)
        .promql(
            "100 * sum(increase(" + out + "[$DURATION])) / sum(increase(" + in + "[$DURATION]))")
        .unit(Unit.PERCENT)
        .group("delivery")
        .onEmpty(EmptyResult.INSUFFICIENT)
        .describe(description);
  }
}
