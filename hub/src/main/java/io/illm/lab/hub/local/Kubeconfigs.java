package io.illm.lab.hub.local;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Kubeconfig files of the local hub: one cluster, one user (a client certificate), one context. */
final class Kubeconfigs {

  /** The name of the cluster and the context. */
  static final String CONTEXT = "lab-hub";

  private Kubeconfigs() {}

  /**
   * A kubeconfig for {@code user} on the API server at {@code server}, trusting {@code caPem}, with
   * {@code namespace} as the context's default.
   */
  static String of(URI server, String caPem, String user, Pki.Issued client, String namespace) {
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "  - name: "
        + CONTEXT
        + "\n"
        + "    cluster:\n"
        + "      server: "
        + server
        + "\n"
        + "      certificate-authority-data: "
        + base64(caPem)
        + "\n"
        + "users:\n"
        + "  - name: "
        + user
        + "\n"
        + "    user:\n"
        + "      client-certificate-data: "
        + base64(Pki.pem(client.certificate()))
        + "\n"
        + "      client-key-data: "
        + base64(Pki.pem(client.keys().getPrivate()))
        + "\n"
        + "contexts:\n"
        + "  - name: "
        + CONTEXT
        + "\n"
        + "    context:\n"
        + "      cluster: "
        + CONTEXT
        + "\n"
        + "      user: "
        + user
        + "\n"
        + "      namespace: "
        + namespace
        + "\n"
        + "current-context: "
        + CONTEXT
        + "\n";
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
