package io.illm.lab.operator.metrics;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.QueryType;
import java.util.List;

/**
 * The queries collected when {@code spec.metrics.queries} is empty: CPU and memory of the
 * experiment's own containers, per pod and in total, on every target.
 *
 * <p>Compared with the original lab's defaults: one selector for every source (the namespace the
 * components run in, and the target's cluster) instead of a list of infrastructure namespaces and
 * pod prefixes to exclude, which missed every new agent; CPU is a rate in cores, never cumulative
 * CPU-seconds labelled cores; pause containers ({@code POD}) and the pod-level cgroup (no {@code
 * container} label) are left out so nothing is counted twice.
 */
public final class DefaultQueries {

  /** The series the defaults read: cAdvisor's, as the kubelet exports them. */
  static final String SELECTOR =
      "{namespace=\"$NAMESPACE\", cluster=\"$CLUSTER\", container!=\"\", container!=\"POD\"}";

  private static final String CPU = "rate(container_cpu_usage_seconds_total" + SELECTOR + "[1m])";
  private static final String MEMORY = "container_memory_working_set_bytes" + SELECTOR;

  private DefaultQueries() {}

  /**
   * cpu_total, memory_total, cpu_by_pod, memory_by_pod (new objects every call: the model's are
   * mutable).
   */
  public static List<MetricQuery> all() {
    return List.of(
        query("cpu_total", "sum(" + CPU + ")", "cores", "CPU used by the experiment's containers"),
        query(
            "memory_total",
            "sum(" + MEMORY + ")",
            "bytes",
            "Memory (working set) of the experiment's containers"),
        query("cpu_by_pod", "sum by (pod) (" + CPU + ")", "cores", "CPU used per pod"),
        query(
            "memory_by_pod",
            "sum by (pod) (" + MEMORY + ")",
            "bytes",
            "Memory (working set) per pod"));
  }

  private static MetricQuery query(String name, String promql, String unit, String description) {
    return new MetricQuery(
        name,
        promql,
        QueryType.RANGE,
        unit,
        description,
        "resources",
        true,
        EmptyResult.INSUFFICIENT);
  }
}
