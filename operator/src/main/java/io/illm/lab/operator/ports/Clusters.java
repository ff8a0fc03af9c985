package io.illm.lab.operator.ports;

import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteKubeconfig;
import io.illm.lab.operator.lifecycle.Action.ExposeKubeconfig;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.UnregisterCluster;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import java.util.Map;
import java.util.Set;

/**
 * The target clusters of experiments: a cluster claim each (Crossplane), its registration with the
 * deployer (an ArgoCD cluster secret) and, for a tutorial, a Secret holding its kubeconfig for the
 * learner beside the claim's connection Secret ({@link #kubeconfigNamespace}).
 *
 * <p>Every method may throw {@link PortException} when the backing API does not answer; the engine
 * then treats the observation as incomplete. Every change is idempotent: it is keyed by the
 * deterministic name in the action, so doing it twice changes nothing.
 */
public interface Clusters {

  /**
   * Every cluster claim and cluster registration that belongs to {@code experiment}, found by the
   * experiment's label (not by the names in its status), keyed by claim name. A claim that does not
   * exist is absent from the map (not-found is not an error); a registration without a claim is
   * present with state {@code ABSENT} and {@code registered=true}.
   */
  Map<String, ClusterObservation> observe(ExperimentId experiment);

  /** Creates the claim unless a claim of that name exists (whatever its state). */
  void create(ExperimentId experiment, CreateClusterClaim claim);

  /** Asks for the claim's deletion; a claim already deleting or not found is success. */
  void delete(ExperimentId experiment, DeleteClusterClaim claim);

  /** Registers the cluster with the deployer, creating or updating its secret. */
  void register(ExperimentId experiment, RegisterCluster cluster);

  /** Removes the cluster's registration; not-found is success. */
  void unregister(ExperimentId experiment, UnregisterCluster cluster);

  /**
   * The namespace of the tutorial kubeconfig Secrets: the claims', where their connection Secrets
   * are (so the operator needs Secret access there only, not in every experiment's namespace).
   */
  String kubeconfigNamespace();

  /**
   * Those of the tutorial kubeconfig Secrets named {@code names} that exist in {@link
   * #kubeconfigNamespace} and carry the experiment's labels, read by name (no list: listing Secrets
   * reads their data): Secret name by claim name. Asked only for experiments whose spec or status
   * has a tutorial.
   */
  Map<String, String> kubeconfigSecrets(ExperimentId experiment, Set<String> names);

  /**
   * Writes the learner's kubeconfig Secret from the claim's connection secret, unless it exists; a
   * connection secret not (yet) written is a PortException.
   */
  void exposeKubeconfig(ExperimentId experiment, ExposeKubeconfig kubeconfig);

  /** Deletes the learner's kubeconfig Secret; not-found is success. */
  void deleteKubeconfig(ExperimentId experiment, DeleteKubeconfig kubeconfig);

  /** True when the clusters are simulated: nothing real was created, and results say so. */
  default boolean simulated() {
    return false;
  }
}
