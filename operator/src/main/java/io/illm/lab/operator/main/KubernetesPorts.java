package io.illm.lab.operator.main;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.operator.adapters.argocd.ArgoCdDeployments;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.adapters.events.KubernetesEvents;
import io.illm.lab.operator.adapters.kubernetes.KubernetesChanges;
import io.illm.lab.operator.adapters.kubernetes.KubernetesComponents;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.Ports;

/**
 * The engine's ports on a Kubernetes API server: clusters (Crossplane claims, ArgoCD cluster
 * Secrets), deployments (ArgoCD Applications), workflows (Argo Workflows), the component catalogue
 * (Component objects), Kubernetes Events, and the children's announcements ({@code changes}, to be
 * started by the caller), whose informer caches the observations read once synced (ADR-011);
 * metrics and results from {@code data}, whose announcements are heard too.
 */
public final class KubernetesPorts {

  private KubernetesPorts() {}

  /**
   * @param events the Events adapter (who reports them)
   * @param simulatedWorld true on the embedded hub, where simulated controllers answer the adapters
   */
  public static Ports of(
      KubernetesClient client,
      Placement placement,
      KubernetesChanges changes,
      DataPlane data,
      KubernetesEvents events,
      boolean simulatedWorld) {
    return new Ports(
        new CrossplaneClusters(client, placement, changes),
        new ArgoCdDeployments(client, placement, changes),
        new ArgoWorkflows(client, placement, changes),
        data.metrics(),
        data.results(),
        events,
        new KubernetesComponents(client, changes),
        Changes.all(changes, data.changes()),
        simulatedWorld);
  }
}
