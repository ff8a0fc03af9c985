package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.rules.ComponentRefs;

/**
 * The names of an experiment's child objects, derived from the experiment and target names only, so
 * that the same action always names the same object. The rules live in {@link ExperimentNames},
 * which the validator uses too, so a warning about a shortened name names the object the operator
 * really creates.
 */
public final class ChildNames {

  /**
   * A GKE cluster name has at most 40 characters; Crossplane adds {@code illm-} and {@code -xxxxx}.
   */
  public static final int CLAIM_MAX = ExperimentNames.MAX_CLUSTER_NAME;

  /** A DNS-1123 label, the limit for Applications and Workflows. */
  public static final int OBJECT_MAX = ExperimentNames.MAX_LABEL;

  /** The cluster name recorded for hub targets, where nothing is created. */
  public static final String HUB = "hub";

  private ChildNames() {}

  /**
   * The Crossplane cluster claim of a target: {@code <exp>-<target>}, shortened with a hash past 29
   * chars.
   */
  public static String clusterClaim(String experiment, String target) {
    return ExperimentNames.clusterName(experiment, target);
  }

  /** The ArgoCD Application deploying one component on a target. */
  public static String application(String experiment, String target, String component) {
    return ExperimentNames.applicationName(experiment, target, component);
  }

  /** The experiment's Workflow. */
  public static String workflow(String experiment) {
    return ExperimentNames.workflowName(experiment);
  }

  /**
   * The component a reference names, or null unless exactly one of app, workflow and config is set
   * and not blank ({@link ComponentRefs#name}: the rules accept no other reference).
   */
  public static String component(ComponentRef ref) {
    return ComponentRefs.name(ref);
  }
}
