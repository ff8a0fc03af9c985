package io.illm.lab.operator.results;

import java.util.List;

/**
 * Where runs wait while the results store is down, on the hub itself, until {@link PendingUploads}
 * moves them to the store. Keeping the same run again writes the same copy.
 */
public interface PendingRuns {

  /**
   * What was kept.
   *
   * @param location where the copy is (e.g. {@code configmap://<namespace>/<name>})
   * @param dropped raw files that did not fit, sorted
   */
  record Kept(String location, List<String> dropped) {}

  /**
   * Keeps the run (again: the same run gives the same copy).
   *
   * @param reason why the store did not take it
   * @throws IllegalStateException when the summary alone is too large to keep
   * @throws RuntimeException when the hub does not take it either
   */
  Kept keep(RunFiles run, String reason);

  /** The names of the runs kept, sorted. */
  List<String> pending();

  /**
   * The run kept as {@code name}.
   *
   * @throws IllegalArgumentException when there is no such run
   */
  RunFiles read(String name);

  /** Deletes the run kept as {@code name}. */
  void remove(String name);

  /** Where the run kept as {@code name} is, for messages. */
  String location(String name);
}
