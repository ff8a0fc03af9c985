package io.illm.lab.operator.children;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimSpec;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimspec.CompositionSelector;
import io.illm.lab.operator.children.crossplane.clusterclaimspec.WriteConnectionSecretToRef;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.ClusterDefaults;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import java.util.Map;
import java.util.Optional;

/**
 * Crossplane as the cluster port: a {@code ClusterClaim} (platform/crossplane/xrd.yaml) per cloud
 * target, its Composition chosen by provider; hub targets create nothing. Defaults of the model are
 * filled in here, so the claim states the whole shape that is paid for.
 */
public final class ClaimShapes {

  /** The label on each Composition that the claim's compositionSelector matches. */
  public static final String COMPOSITION_LABEL = "provider";

  /** The claim's connection secret ends so; it holds {@code kubeconfig}. */
  public static final String CONNECTION_SECRET_SUFFIX = "-kubeconfig";

  private final Placement placement;

  public ClaimShapes(Placement placement) {
    this.placement = placement;
  }

  /** The claim of a CreateClusterClaim; empty for a hub target, where nothing is created. */
  public Optional<ClusterClaim> claim(String experiment, CreateClusterClaim action) {
    ClusterSpec shape = action.shape();
    if (shape == null || shape.getProvider() == null || shape.getProvider() == Provider.HUB) {
      return Optional.empty();
    }
    Map<String, String> labels = ChildLabels.of(experiment, action.target());
    labels.put(ChildLabels.CLUSTER, action.name());
    ClusterClaim claim = new ClusterClaim();
    claim.setMetadata(
        new ObjectMetaBuilder()
            .withName(action.name())
            .withNamespace(placement.claims())
            .withLabels(labels)
            .build());
    claim.setSpec(spec(action.name(), shape));
    return Optional.of(claim);
  }

  /** The name of the Secret Crossplane writes the claim's kubeconfig into (claims namespace). */
  public static String connectionSecret(String claim) {
    return claim + CONNECTION_SECRET_SUFFIX;
  }

  /**
   * What a claim says about its cluster: Ready=True is ready (with {@code status.endpoint}); a
   * Synced=False or Ready=False with reason ReconcileError is a failure carrying its message; being
   * deleted is deleting; anything else is provisioning. Null is absent.
   */
  public static ClusterObservation observe(ClusterClaim claim, boolean registered) {
    if (claim == null) {
      return new ClusterObservation(ClusterState.ABSENT, null, null, registered);
    }
    if (claim.getMetadata() != null && claim.getMetadata().getDeletionTimestamp() != null) {
      return new ClusterObservation(ClusterState.DELETING, null, null, registered);
    }
    ClusterClaimStatus status = claim.getStatus();
    Optional<Conditions> ready = condition(status, "Ready");
    String endpoint = status == null ? null : status.getEndpoint();
    if (ready.isPresent()
        && "True".equals(ready.get().getStatus())
        && endpoint != null
        && !endpoint.isBlank()) {
      return new ClusterObservation(ClusterState.READY, endpoint, null, registered);
    }
    Optional<Conditions> synced = condition(status, "Synced");
    if (synced.isPresent() && "False".equals(synced.get().getStatus())) {
      return new ClusterObservation(
          ClusterState.FAILED, null, synced.get().getMessage(), registered);
    }
    return new ClusterObservation(ClusterState.PROVISIONING, null, null, registered);
  }

  private static Optional<Conditions> condition(ClusterClaimStatus status, String type) {
    if (status == null || status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  private static ClusterClaimSpec spec(String name, ClusterSpec shape) {
    ClusterClaimSpec spec = new ClusterClaimSpec();
    Provider provider = shape.getProvider();
    spec.setProvider(ClusterClaimSpec.Provider.valueOf(provider.name()));
    spec.setZone(ClusterDefaults.zone(shape));
    spec.setRegion(ClusterDefaults.region(shape));
    spec.setMachineType(ClusterDefaults.machineType(shape));
    spec.setNodeCount((long) ClusterDefaults.nodeCount(shape));
    spec.setDiskSizeGb((long) ClusterDefaults.diskSizeGb(shape));
    spec.setPreemptible(Boolean.TRUE.equals(shape.getPreemptible()));
    spec.setKubernetesVersion(shape.getKubernetesVersion());
    CompositionSelector selector = new CompositionSelector();
    selector.setMatchLabels(Map.of(COMPOSITION_LABEL, provider.value()));
    spec.setCompositionSelector(selector);
    WriteConnectionSecretToRef secret = new WriteConnectionSecretToRef();
    secret.setName(connectionSecret(name));
    spec.setWriteConnectionSecretToRef(secret);
    return spec;
  }
}
