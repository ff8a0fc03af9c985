package io.illm.lab.operator.results;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.results.Summary;
import java.util.Arrays;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@link StoredResults} stores for an experiment: its summary and the raw query responses,
 * assembled from the spec, the status and what was collected (carried by the StoreResults action).
 * Called once per store, on a store thread; it may take its time, and an exception ends the store
 * as FAILED with its message.
 */
@FunctionalInterface
public interface SummarySource {

  /** The run to store for {@code id}: the spec, the status of the decision, what was collected. */
  Run summary(ExperimentId id, ExperimentSpec spec, ExperimentStatus status, Collected collected);

  /**
   * A run's results.
   *
   * @param summary the summary, written as {@code summary.json}
   * @param raw raw files by name relative to the run's {@code raw/} folder, e.g. {@code
   *     cpu/gke-a.json} (Prometheus responses as received)
   */
  record Run(Summary summary, SortedMap<String, byte[]> raw) {
    public Run {
      Objects.requireNonNull(summary, "summary");
      raw = raw == null ? new TreeMap<>() : new TreeMap<>(raw);
      raw.replaceAll((name, bytes) -> Arrays.copyOf(bytes, bytes.length));
    }

    /** A run without raw files. */
    public Run(Summary summary) {
      this(summary, new TreeMap<>());
    }
  }
}
