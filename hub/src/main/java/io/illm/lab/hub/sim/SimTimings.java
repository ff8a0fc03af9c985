package io.illm.lab.hub.sim;

import java.time.Duration;

/**
 * How long the simulated controllers take, in simulated time (see {@link SimClock}).
 *
 * @param clusterReady from claim to a ready cluster
 * @param clusterGone from a deletion request to the claim being gone
 * @param appHealthy from an Application's creation to Synced and Healthy
 * @param appGone from an Application's deletion request to its being gone
 * @param workflowStart from submission to Running
 * @param workflowRun from Running to Succeeded (or Failed)
 * @param workflowGone from a Workflow's deletion request to its being gone
 * @param metrics from the start of a collection to its end
 * @param results from the start of a store to its end
 */
public record SimTimings(
    Duration clusterReady,
    Duration clusterGone,
    Duration appHealthy,
    Duration appGone,
    Duration workflowStart,
    Duration workflowRun,
    Duration workflowGone,
    Duration metrics,
    Duration results) {

  /** Everything happens at once: the fastest tests. */
  public static final SimTimings INSTANT =
      new SimTimings(
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO,
          Duration.ZERO);

  /** Roughly what a GKE cluster, a Helm chart and a short load test take. */
  public static final SimTimings TYPICAL =
      new SimTimings(
          Duration.ofMinutes(8),
          Duration.ofMinutes(4),
          Duration.ofMinutes(2),
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Duration.ofMinutes(10),
          Duration.ofSeconds(5),
          Duration.ofMinutes(1),
          Duration.ofSeconds(5));
}
