package io.illm.lab.operator.results;

import java.util.List;
import java.util.Optional;

/**
 * Where runs are kept, in the layout of docs/results.md: {@code
 * experiments/<experiment>/<run>/summary.json} and {@code .../raw/<metric>/<target>.json}. A
 * present summary.json means a complete run: it is written last.
 */
public interface ResultsStore {

  /**
   * Where the run is or would be, as a URL ending in {@code /} (s3://bucket/prefix/...,
   * file:///...).
   */
  String location(RunKey key);

  /**
   * Writes the raw files, then summary.json. Idempotent: writing the same run again writes the same
   * bytes under the same keys.
   *
   * @throws ResultsStoreException when a file could not be written; nothing tells readers the run
   *     is complete until summary.json is
   */
  void put(RunFiles run);

  /** The complete runs (with summary.json) of {@code experiment}, oldest first; empty when none. */
  List<RunKey> runs(String experiment);

  /** The experiments with at least one run folder, sorted. */
  List<String> experiments();

  /** The stored bytes of the run's summary.json; empty when there is none. */
  Optional<byte[]> summary(RunKey key);
}
