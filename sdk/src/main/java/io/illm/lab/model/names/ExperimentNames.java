package io.illm.lab.model.names;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The name of every object derived from an experiment and one of its targets.
 *
 * <p>Names are deterministic: the same experiment and target always give the same name, so an
 * action repeated after a restart finds the object it created before. A name that would exceed its
 * limit is shortened to a prefix of the full name, a dash and a short hash of the full name, so two
 * different full names still give two different short names.
 */
public final class ExperimentNames {

  /** Kubernetes label values, namespaces and most object names (DNS-1123 labels). */
  public static final int MAX_LABEL = 63;

  /**
   * GKE limits cluster names to 40 characters; Crossplane names the cluster {@code illm-} + the
   * claim name + {@code -xxxxx}, which leaves 29 for ours.
   */
  public static final int MAX_CLUSTER_NAME = 40 - "illm-".length() - "-xxxxx".length();

  /** Hex digits of the hash that ends a shortened name. */
  static final int HASH_LENGTH = 8;

  /** The cluster name recorded for hub targets, where nothing is created. */
  public static final String HUB_CLUSTER = "hub";

  private ExperimentNames() {}

  /** The cluster of a target (the Crossplane claim name): {@code <exp>-<target>}, at most 29. */
  public static String clusterName(String experiment, String target) {
    return fit(experiment + "-" + target, MAX_CLUSTER_NAME);
  }

  /**
   * The ArgoCD Application deploying one component on a target: {@code <exp>-<target>-<component>},
   * at most 63.
   */
  public static String applicationName(String experiment, String target, String component) {
    return fit(experiment + "-" + target + "-" + component, MAX_LABEL);
  }

  /** The Argo Workflow of the experiment: {@code <exp>-run}, at most 63. */
  public static String workflowName(String experiment) {
    return fit(experiment + "-run", MAX_LABEL);
  }

  /** The ArgoCD cluster Secret of a target: {@code cluster-<clusterName>}. */
  public static String clusterSecretName(String experiment, String target) {
    return clusterSecretName(clusterName(experiment, target));
  }

  /**
   * The ArgoCD cluster Secret of the cluster {@code clusterName}: {@code cluster-<clusterName>}.
   */
  public static String clusterSecretName(String clusterName) {
    return "cluster-" + clusterName;
  }

  /**
   * The ConfigMap keeping window {@code window} of the experiment's metrics collection while it
   * runs: {@code <exp>-metrics-w<window>}, at most 63.
   */
  public static String metricsCheckpointName(String experiment, int window) {
    return fit(experiment + "-metrics-w" + window, MAX_LABEL);
  }

  /**
   * The Secret, in the claims' namespace, holding a target's kubeconfig for a tutorial's learner:
   * {@code <exp>-<target>-tutorial-kubeconfig}, at most 63. Not {@code <exp>-<target>-kubeconfig}:
   * that is the claim's connection Secret, in the same namespace.
   */
  public static String tutorialKubeconfigSecretName(String experiment, String target) {
    return fit(experiment + "-" + target + "-tutorial-kubeconfig", MAX_LABEL);
  }

  /**
   * {@code name} if it fits in {@code max} characters, else a prefix of it, a dash and the first
   * {@value #HASH_LENGTH} hex digits of its SHA-256; never ends the prefix with a dash.
   */
  public static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String prefix = name.substring(0, Math.max(0, max - HASH_LENGTH - 1));
    while (prefix.endsWith("-") || prefix.endsWith(".")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    String hash = hash(name);
    return prefix.isEmpty() ? hash : prefix + "-" + hash;
  }

  private static String hash(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; hex.length() < HASH_LENGTH; i++) {
        hex.append(String.format("%02x", digest[i]));
      }
      return hex.substring(0, HASH_LENGTH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
