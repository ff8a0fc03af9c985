package io.illm.lab.examples.experiments;

import static io.illm.lab.dsl.Lab.metric;

import io.illm.lab.dsl.MetricDef;
import io.illm.lab.dsl.Unit;

/**
 * The container metrics (cAdvisor, as the metrics agent backhauls them) the comparisons are made
 * of: CPU and memory of the pods a regular expression names, over a run or at its peak. A selector
 * is the experiment's series, or one target's ({@link #ofTarget}, for per-target metrics), without
 * the pause containers and the pod-level cgroup so that nothing counts twice.
 */
final class PodMetrics {

  private PodMetrics() {}

  /** The experiment's containers. */
  static String ofExperiment() {
    return "experiment=\"$EXPERIMENT\",container!=\"POD\",container!=\"\"";
  }

  /** One target's containers: its cluster's series of the experiment (per-target metrics). */
  static String ofTarget() {
    return "experiment=\"$EXPERIMENT\",cluster=\"$CLUSTER\",container!=\"POD\",container!=\"\"";
  }

  /** The containers of the pods whose name matches {@code pods}, among {@code containers}. */
  static String pods(String containers, String pods) {
    return containers + ",pod=~\"" + pods + "\"";
  }

  /** Cores used, summed over the selected containers: a rate over {@code rateWindow}. */
  static String cpuQuery(String selector, String rateWindow) {
    return "sum(rate(container_cpu_usage_seconds_total{" + selector + "}[" + rateWindow + "]))";
  }

  /** Working-set bytes, summed over the selected containers. */
  static String memoryQuery(String selector) {
    return "sum(container_memory_working_set_bytes{" + selector + "})";
  }

  /** CPU over the run (range), in cores. */
  static MetricDef cpu(String name, String selector, String rateWindow, String group, String text) {
    return metric(name)
        .promql(cpuQuery(selector, rateWindow))
        .range()
        .unit(Unit.CORES)
        .group(group)
        .describe(text);
  }

  /** Memory over the run (range), in bytes. */
  static MetricDef memory(String name, String selector, String group, String text) {
    return metric(name)
        .promql(memoryQuery(selector))
        .range()
        .unit(Unit.BYTES)
        .group(group)
        .describe(text);
  }

  /** CPU by pod over the run: the drill-down. */
  static MetricDef cpuByPod(String name, String selector, String rateWindow) {
    return metric(name)
        .promql(
            "sum by (pod) (rate(container_cpu_usage_seconds_total{"
                + selector
                + "}["
                + rateWindow
                + "]))")
        .range()
        .unit(Unit.CORES)
        .group("drill-down")
        .describe("CPU rate by pod");
  }

  /** Memory by pod over the run: the drill-down. */
  static MetricDef memoryByPod(String name, String selector) {
    return metric(name)
        .promql("sum by (pod) (container_memory_working_set_bytes{" + selector + "})")
        .range()
        .unit(Unit.BYTES)
        .group("drill-down")
        .describe("Memory working set by pod");
  }

  /** The highest CPU of a window (one value per window, for summary cards and criteria). */
  static MetricDef cpuPeak(String name, String selector, String rateWindow, String text) {
    return metric(name)
        .promql("max_over_time(" + cpuQuery(selector, rateWindow) + "[$DURATION:1m])")
        .unit(Unit.CORES)
        .group("peaks")
        .describe(text);
  }

  /** The highest memory of a window (one value per window, for summary cards and criteria). */
  static MetricDef memoryPeak(String name, String selector, String text) {
    return metric(name)
        .promql("max_over_time(" + memoryQuery(selector) + "[$DURATION:1m])")
        .unit(Unit.BYTES)
        .group("peaks")
        .describe(text);
  }
}
