package io.illm.lab.hub.sim;

import io.illm.lab.operator.ports.Metrics;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.operator.ports.Results;

/**
 * A whole simulated world on one clock: every port, its failure switches, and the announcements of
 * changes. Runs in memory; everything it produces is marked simulated.
 */
public final class SimWorld {

  public final SimClock clock;
  public final SimClusters clusters;
  public final SimDeployments deployments;
  public final SimWorkflows workflows;
  public final SimMetrics metrics;
  public final SimResults results;
  public final SimEvents events = new SimEvents();
  public final SimComponents components = new SimComponents();
  private final SimChanges changes;

  public SimWorld(SimClock clock, SimTimings timings) {
    this.clock = clock;
    this.changes = new SimChanges(clock);
    this.clusters = new SimClusters(clock, timings, changes);
    this.deployments = new SimDeployments(clock, timings, changes);
    this.workflows = new SimWorkflows(clock, timings, changes);
    this.metrics = new SimMetrics(clock, timings, changes);
    this.results = new SimResults(clock, timings, changes);
  }

  /** The ports, for an {@code Engine}. */
  public Ports ports() {
    return ports(metrics, results);
  }

  /**
   * The ports with other metrics and results ports (a real {@code PrometheusMetrics} on a simulated
   * Prometheus, say): the rest of the world stays simulated. Their changes are heard only when they
   * announce them to the engine themselves.
   */
  public Ports ports(Metrics metrics, Results results) {
    return new Ports(
        clusters, deployments, workflows, metrics, results, events, components, changes);
  }
}
