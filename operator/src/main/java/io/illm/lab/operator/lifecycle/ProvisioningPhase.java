package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.Phase;
import java.util.Set;

/**
 * Provisioning: creates every cluster at once and registers each with ArgoCD as it becomes ready;
 * targets whose cluster is ready may already deploy. Ready once every cluster is ready.
 */
final class ProvisioningPhase {

  private ProvisioningPhase() {}

  static void decide(Turn t) {
    Set<String> ready = ClusterProgress.advance(t, true);
    if (t.terminal()) {
      return;
    }
    Deployment.advance(t, ready);
    if (ready.size() == t.spec.getTargets().size()) {
      t.enter(
          Phase.READY,
          null,
          Reasons.CLUSTERS_READY,
          "every cluster is ready; deploying components");
    }
  }
}
