package io.illm.lab.operator.children;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.util.Optional;

/**
 * The credentials of a cluster as ArgoCD's cluster secret wants them (base64 PEM, as in a
 * kubeconfig), read from the kubeconfig in the claim's connection secret.
 */
public record ClusterCredentials(
    String caData, String certData, String keyData, String bearerToken) {

  /** Stands in for real credentials where none are read (./lab render): every value redacted. */
  public static final ClusterCredentials REDACTED =
      new ClusterCredentials("<redacted>", "<redacted>", "<redacted>", null);

  /**
   * The current context's cluster CA and user credentials; empty when the kubeconfig has no current
   * context or is not YAML.
   */
  public static Optional<ClusterCredentials> fromKubeconfig(String kubeconfig) {
    JsonNode root;
    try {
      root = LabYaml.readTree(kubeconfig);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    String current = root.path("current-context").asText("");
    JsonNode context = named(root.path("contexts"), current).path("context");
    if (context.isMissingNode()) {
      return Optional.empty();
    }
    JsonNode cluster =
        named(root.path("clusters"), context.path("cluster").asText()).path("cluster");
    JsonNode user = named(root.path("users"), context.path("user").asText()).path("user");
    return Optional.of(
        new ClusterCredentials(
            text(cluster, "certificate-authority-data"),
            text(user, "client-certificate-data"),
            text(user, "client-key-data"),
            text(user, "token")));
  }

  private static JsonNode named(JsonNode list, String name) {
    for (JsonNode item : list) {
      if (name.equals(item.path("name").asText())) {
        return item;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText() : null;
  }
}
