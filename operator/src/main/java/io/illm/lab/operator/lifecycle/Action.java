package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComponentRef;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the engine should do next; the actors decide how. Every action names its object
 * deterministically (see {@code ExperimentNames}), so performing one twice changes nothing.
 */
public sealed interface Action {

  /** Adds the experiment's finalizer; no child object is created before it is observed. */
  record AddFinalizer() implements Action {}

  /** Removes the experiment's finalizer; decided only once every child is observed gone. */
  record RemoveFinalizer() implements Action {}

  /** Creates the Crossplane cluster claim {@code name} for {@code target} with this shape. */
  record CreateClusterClaim(String target, String name, ClusterSpec shape) implements Action {}

  /** Deletes the cluster claim {@code name}; not-found is success. */
  record DeleteClusterClaim(String name) implements Action {}

  /** Registers the cluster with ArgoCD (its cluster secret) so Applications can target it. */
  record RegisterCluster(String target, String clusterName, String endpoint) implements Action {}

  /** Deletes the ArgoCD cluster secret of {@code clusterName}; not-found is success. */
  record UnregisterCluster(String clusterName) implements Action {}

  /**
   * Writes the Secret {@code secret} beside the claim's connection Secret holding the kubeconfig of
   * the target's cluster (claim {@code clusterName}) for a tutorial's learner; an existing one is
   * kept.
   */
  record ExposeKubeconfig(String target, String clusterName, String secret) implements Action {}

  /** Deletes the tutorial kubeconfig Secret {@code secret}; not-found is success. */
  record DeleteKubeconfig(String secret) implements Action {}

  /**
   * Creates the ArgoCD Application {@code name} deploying {@code component} on the target's
   * cluster.
   */
  record CreateApplication(
      String target, String name, ComponentRef component, String clusterName, String namespace)
      implements Action {}

  /** Deletes the ArgoCD Application {@code name}; not-found is success. */
  record DeleteApplication(String name) implements Action {}

  /**
   * Submits the Workflow {@code name} from the WorkflowTemplate {@code template}; params are
   * sorted.
   */
  record SubmitWorkflow(String name, String template, Map<String, String> params)
      implements Action {
    public SubmitWorkflow {
      params = java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }
  }

  /** Deletes the Workflow {@code name}; not-found is success. */
  record DeleteWorkflow(String name) implements Action {}

  /** Collects the experiment's metrics over the measurement window [windowStart, windowEnd]. */
  record CollectMetrics(String experiment, Instant windowStart, Instant windowEnd)
      implements Action {}

  /**
   * Stores the run's results (summary.json and the raw answers): what was {@code collected}, with
   * the phase and reason of the status written with this decision (Complete, or Failed with what a
   * failed run had).
   */
  record StoreResults(String experiment, Collected collected) implements Action {}

  /** Records a Kubernetes Event on the experiment. */
  record EmitEvent(EventType type, String reason, String message) implements Action {}

  /** The type of a Kubernetes Event. */
  enum EventType {
    NORMAL,
    WARNING
  }
}
