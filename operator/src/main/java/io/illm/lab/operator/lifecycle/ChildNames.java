package io.illm.lab.operator.lifecycle;

import java.nio.charset.StandardCharsets;
import io.illm.lab.model.ComponentRef;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The names of an experiment's child objects, derived from the experiment and target names only,
 * so that the same action always names the same object.
 */
public final class ChildNames {

  /** A GKE cluster name has at most 40 characters; Crossplane adds {@code illm-} and {@code -xxxxx}. */
  public static final int CLAIM_MAX = 40 - "illm-".length() - "-xxxxx".length();

  /** A DNS-1123 label, the limit for Applications and Workflows. */
  public static final int OBJECT_MAX = 63;

  /** The cluster name recorded for hub targets, where nothing is created. */
  public static final String HUB = "hub";

  private static final int HASH_CHARS = 8;

  private ChildNames() {}

  /** The Crossplane cluster claim of a target: {@code <exp>-<target>}, shortened with a hash past 29 chars. */
  public static String clusterClaim(String experiment, String target) {
    return fit(experiment + "-" + target, CLAIM_MAX);
  }

  /** The ArgoCD Application deploying one component on a target. */
  public static String application(String experiment, String target, String component) {
    return fit(experiment + "-" + target + "-" + component, OBJECT_MAX);
  }

  /** The experiment's Workflow. */
  public static String workflow(String experiment) {
    return fit(experiment + "-run", OBJECT_MAX);
  }

  /** The component a reference names, or null unless exactly one of app, workflow and config is set. */
  public static String component(ComponentRef ref) {
    if (ref == null) {
      return null;
    }
    List<String> names = new ArrayList<>();
    for (String name : new String[] {ref.getApp(), ref.getWorkflow(), ref.getConfig()}) {
      if (name != null && !name.isBlank()) {
        names.add(name);
      }
    }
    return names.size() == 1 ? names.get(0) : null;
  }

  /** {@code name} if it fits in {@code max} characters, else its head, a dash and a hash of the whole. */
  static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    String head = name.substring(0, max - HASH_CHARS - 1);
    while (head.endsWith("-")) {
      head = head.substring(0, head.length() - 1);
    }
    return head + "-" + sha256(name).substring(0, HASH_CHARS);
  }

  private static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
