package io.illm.lab.operator.ports;

import java.util.Objects;

/**
 * Everything the engine observes and acts through, wired once per process: the Kubernetes adapters
 * in the operator, the simulated ones in tests and local runs.
 *
 * @param simulatedWorld true when the world behind real adapters is simulated (the embedded hub,
 *     where simulated controllers answer the Kubernetes adapters): everything the ports report is
 *     then simulated
 */
public record Ports(
    Clusters clusters,
    Deployments deployments,
    Workflows workflows,
    Metrics metrics,
    Results results,
    Events events,
    Components components,
    Changes changes,
    boolean simulatedWorld) {

  public Ports {
    Objects.requireNonNull(clusters, "clusters");
    Objects.requireNonNull(deployments, "deployments");
    Objects.requireNonNull(workflows, "workflows");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(results, "results");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(components, "components");
    Objects.requireNonNull(changes, "changes");
  }

  /** Ports of which only those that say so are simulated. */
  public Ports(
      Clusters clusters,
      Deployments deployments,
      Workflows workflows,
      Metrics metrics,
      Results results,
      Events events,
      Components components,
      Changes changes) {
    this(clusters, deployments, workflows, metrics, results, events, components, changes, false);
  }

  /** True when any port is simulated: then a run's numbers are not real, and its status says so. */
  public boolean simulated() {
    return simulatedWorld
        || clusters.simulated()
        || deployments.simulated()
        || workflows.simulated()
        || metrics.simulated()
        || results.simulated();
  }
}
