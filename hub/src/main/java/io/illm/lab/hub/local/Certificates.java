package io.illm.lab.hub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * The files of the local hub's {@link Pki}: the CA, the API server's serving pair, the
 * service-account keys, and the two kubeconfigs (the admin's, handed out, and
 * kube-controller-manager's).
 */
final class Certificates {

  /** The admin's user name; in system:masters. */
  static final String ADMIN = "illm-lab-admin";

  private Certificates() {}

  static void write(HubFolder folder, URI apiServer) {
    Path pki = folder.pki();
    Pki ca = Pki.newCa("illm-lab-hub-ca");
    String caPem = Pki.pem(ca.ca().certificate());
    write(pki.resolve("ca.crt"), caPem);
    Pki.writePrivate(pki.resolve("ca.key"), Pki.pem(ca.ca().keys().getPrivate()));
    Pki.Issued server = ca.server("kube-apiserver");
    write(pki.resolve("apiserver.crt"), Pki.pem(server.certificate()));
    Pki.writePrivate(pki.resolve("apiserver.key"), Pki.pem(server.keys().getPrivate()));
    KeyPair serviceAccounts = Pki.rsa();
    Pki.writePrivate(pki.resolve("sa.key"), Pki.pem(serviceAccounts.getPrivate()));
    write(pki.resolve("sa.pub"), Pki.publicPem(serviceAccounts));
    Pki.writePrivate(
        folder.kubeconfig(),
        Kubeconfigs.of(
            apiServer, caPem, ADMIN, ca.client(ADMIN, List.of("system:masters")), "experiments"));
    String manager = "system:kube-controller-manager";
    Pki.writePrivate(
        pki.resolve("kube-controller-manager.kubeconfig"),
        Kubeconfigs.of(apiServer, caPem, manager, ca.client(manager, List.of()), "kube-system"));
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
