package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.api.reconciler.RetryInfo;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The operator's own metrics, in the Prometheus text format: how many reconciles and cleanups ran,
 * how they ended, and how long they took. Kept small on purpose (no Micrometer): counters and sums,
 * which is what a rate and a mean need.
 */
public final class OperatorMetrics implements Metrics {

  private record Key(String execution, String outcome) {}

  private final Map<Key, AtomicLong> counts =
      new TreeMap<>((a, b) -> (a.execution + a.outcome).compareTo(b.execution + b.outcome));
  private final Map<Key, AtomicLong> nanos =
      new TreeMap<>((a, b) -> (a.execution + a.outcome).compareTo(b.execution + b.outcome));
  private volatile Consumer<HasMetadata> submissions = resource -> {};

  /**
   * Tells {@code listener} of each resource JOSDK is about to hand to its executor, on the thread
   * that hands it over (JOSDK calls {@link #reconcileCustomResource} just before): how the executor
   * learns what it is given ({@link StartedFirstExecutor}).
   */
  void beforeEachSubmission(Consumer<HasMetadata> listener) {
    submissions = listener;
  }

  @Override
  public void reconcileCustomResource(
      HasMetadata resource, RetryInfo retryInfo, Map<String, Object> metadata) {
    submissions.accept(resource);
  }

  @Override
  public <T> T timeControllerExecution(ControllerExecution<T> execution) throws Exception {
    long start = System.nanoTime();
    String outcome = "failure";
    try {
      T result = execution.execute();
      outcome = "success";
      return result;
    } finally {
      record(new Key(execution.name(), outcome), System.nanoTime() - start);
    }
  }

  /** A reconcile that threw, or whose status patch failed (JOSDK then retries it). */
  @Override
  public void failedReconciliation(
      HasMetadata resource, Exception exception, Map<String, Object> metadata) {
    record(new Key("reconcile", "failure"), 0);
  }

  private synchronized void record(Key key, long elapsed) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    nanos.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(elapsed);
  }

  /**
   * How many executions named {@code execution} (reconcile, cleanup) ended with {@code outcome}.
   */
  public synchronized long count(String execution, String outcome) {
    AtomicLong n = counts.get(new Key(execution, outcome));
    return n == null ? 0 : n.get();
  }

  /** Everything, in the Prometheus text exposition format, sorted. */
  public synchronized String prometheusText() {
    StringBuilder out = new StringBuilder();
    out.append(
        "# HELP illm_operator_executions_total Reconciler executions by kind and outcome.\n");
    out.append("# TYPE illm_operator_executions_total counter\n");
    counts.forEach(
        (k, v) -> out.append(line("illm_operator_executions_total", k, Long.toString(v.get()))));
    out.append("# HELP illm_operator_execution_seconds_sum Time spent in reconciler executions.\n");
    out.append("# TYPE illm_operator_execution_seconds_sum counter\n");
    nanos.forEach(
        (k, v) ->
            out.append(
                line("illm_operator_execution_seconds_sum", k, Double.toString(v.get() / 1e9))));
    return out.toString();
  }

  private static String line(String metric, Key key, String value) {
    return metric
        + "{execution=\""
        + key.execution
        + "\",outcome=\""
        + key.outcome
        + "\"} "
        + value
        + "\n";
  }
}
