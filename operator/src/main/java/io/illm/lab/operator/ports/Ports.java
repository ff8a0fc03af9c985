package io.illm.lab.operator.ports;

import java.util.Objects;

/**
 * Everything the engine observes and acts through, wired once per process: the Kubernetes
 * adapters in the operator, the simulated ones in tests and local runs.
 */
public record Ports(
    Clusters clusters,
    Deployments deployments,
    Workflows workflows,
    Metrics metrics,
    Results results,
    Events events,
    Components components,
    Changes changes) {

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

  /** True when any port is simulated: then a run's numbers are not real, and its status says so. */
  public boolean simulated() {
    return clusters.simulated() || deployments.simulated() || workflows.simulated() || metrics.simulated()
        || results.simulated();
  }
}
