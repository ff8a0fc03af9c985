package io.illm.lab.examples.components;

import static io.illm.lab.dsl.Lab.stringParam;

import io.illm.lab.dsl.Param;

/**
 * A container's CPU and memory requests and limits, as four typed parameters under one Helm path
 * (e.g. {@code server.resources}): what a benchmark most often tunes, and what the simulated
 * Prometheus reads levels from. A {@code null} default leaves the value to the chart and says so.
 *
 * <p>Deploy with {@code VICTORIA_METRICS.with(VICTORIA_METRICS_RESOURCES.requestsMemory(), "1Gi")}.
 *
 * @param requestsCpu the CPU request, e.g. {@code 100m}
 * @param requestsMemory the memory request, e.g. {@code 256Mi}
 * @param limitsCpu the CPU limit
 * @param limitsMemory the memory limit
 */
public record Resources(
    Param<String> requestsCpu,
    Param<String> requestsMemory,
    Param<String> limitsCpu,
    Param<String> limitsMemory) {

  /**
   * The four parameters under {@code path} (the Helm path of a {@code resources} block).
   *
   * @param what whose resources, for the descriptions ("the VictoriaMetrics server")
   * @param defaults request CPU, request memory, limit CPU, limit memory; {@code null} for none
   */
  static Resources of(String path, String what, String... defaults) {
    if (defaults.length != 4) {
      throw new IllegalArgumentException("four defaults: requests cpu, memory; limits cpu, memory");
    }
    return new Resources(
        param(path + ".requests.cpu", "CPU request of " + what, defaults[0]),
        param(path + ".requests.memory", "Memory request of " + what, defaults[1]),
        param(path + ".limits.cpu", "CPU limit of " + what, defaults[2]),
        param(path + ".limits.memory", "Memory limit of " + what, defaults[3]));
  }

  private static Param<String> param(String name, String description, String defaultValue) {
    Param<String> param = stringParam(name);
    if (defaultValue == null) {
      return param.describe(description + " (unset: the chart's own)");
    }
    return param.defaultValue(defaultValue).describe(description);
  }

  /** The four parameters, for {@code ComponentDef.parameter(...)}. */
  public Param<?>[] all() {
    return new Param<?>[] {requestsCpu, requestsMemory, limitsCpu, limitsMemory};
  }
}
