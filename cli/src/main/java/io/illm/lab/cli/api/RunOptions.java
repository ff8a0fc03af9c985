package io.illm.lab.cli.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How {@link LabRunner#run} runs an experiment on the embedded hub: the options of {@code ./lab
 * run}, as values. Immutable; every method returns a new value.
 *
 * @param instant every simulated controller answers at once (the default: the fastest run)
 * @param timeFactor how many times faster than real time the simulated clock runs (300)
 * @param timeout how long to wait in real time (the total deadline at the time factor, at most 2m)
 * @param results where the run's summary.json goes ({@code .lab/results} under the lab root)
 * @param failClusters targets whose cluster fails to provision (none)
 * @param workflowFails the workflow fails (false)
 * @param root the project whose components/ (and generated-crds/) are used ($LAB_ROOT, else the
 *     current directory)
 */
public record RunOptions(
    boolean instant,
    double timeFactor,
    Optional<Duration> timeout,
    Optional<Path> results,
    List<String> failClusters,
    boolean workflowFails,
    Optional<Path> root) {

  public RunOptions {
    failClusters = List.copyOf(failClusters);
    if (!(timeFactor > 0) || Double.isInfinite(timeFactor)) {
      throw new IllegalArgumentException("timeFactor must be greater than 0, got " + timeFactor);
    }
  }

  /** Instant timings, results under the lab root, no failures. */
  public static RunOptions defaults() {
    return new RunOptions(
        true, 300, Optional.empty(), Optional.empty(), List.of(), false, Optional.empty());
  }

  /** The controllers' typical timings, {@code factor} times faster than real time. */
  public RunOptions typicalTimings(double factor) {
    return new RunOptions(false, factor, timeout, results, failClusters, workflowFails, root);
  }

  /** Gives up after {@code limit} of real time. */
  public RunOptions timeout(Duration limit) {
    return new RunOptions(
        instant, timeFactor, Optional.of(limit), results, failClusters, workflowFails, root);
  }

  /** Keeps the run's summary.json under {@code folder}. */
  public RunOptions results(Path folder) {
    return new RunOptions(
        instant, timeFactor, timeout, Optional.of(folder), failClusters, workflowFails, root);
  }

  /** The cluster of {@code target} fails to provision. */
  public RunOptions failCluster(String target) {
    List<String> targets = new ArrayList<>(failClusters);
    targets.add(target);
    return new RunOptions(instant, timeFactor, timeout, results, targets, workflowFails, root);
  }

  /** Uses the components and CRDs of the project at {@code folder}. */
  public RunOptions root(Path folder) {
    return new RunOptions(
        instant, timeFactor, timeout, results, failClusters, workflowFails, Optional.of(folder));
  }

  /** The workflow fails. */
  public RunOptions failWorkflow() {
    return new RunOptions(instant, timeFactor, timeout, results, failClusters, true, root);
  }
}
