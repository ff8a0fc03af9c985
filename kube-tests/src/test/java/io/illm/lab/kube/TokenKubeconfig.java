package io.illm.lab.kube;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A kubeconfig with a real token of a ServiceAccount (the TokenRequest API, an hour), as a pod of
 * that account would use: the API server authenticates it as the account, no impersonation.
 */
public final class TokenKubeconfig {

  private TokenKubeconfig() {}

  /** Writes the kubeconfig of {@code namespace/account} on {@code plane} to {@code file}. */
  public static void write(ControlPlane plane, String namespace, String account, Path file) {
    String token =
        plane
            .admin()
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(account)
            .tokenRequest(
                new TokenRequestBuilder()
                    .withNewSpec()
                    .withExpirationSeconds(3600L)
                    .endSpec()
                    .build())
            .getStatus()
            .getToken();
    String text =
        "apiVersion: v1\nkind: Config\n"
            + "clusters: [{name: c, cluster: {server: \""
            + plane.admin().getMasterUrl()
            + "\", certificate-authority-data: "
            + caData(plane.kubeconfig())
            + "}}]\n"
            + "users: [{name: "
            + account
            + ", user: {token: "
            + token
            + "}}]\n"
            + "contexts: [{name: x, context: {cluster: c, user: "
            + account
            + "}}]\ncurrent-context: x\n";
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String caData(Path kubeconfig) {
    try {
      JsonNode cluster =
          LabYaml.readTrustedTree(Files.readString(kubeconfig))
              .path("clusters")
              .get(0)
              .path("cluster");
      if (cluster.has("certificate-authority-data")) {
        return cluster.path("certificate-authority-data").asText();
      }
      byte[] pem = Files.readAllBytes(Path.of(cluster.path("certificate-authority").asText()));
      return Base64.getEncoder().encodeToString(pem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
