package io.illm.lab.examples;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.illm.lab.model.Experiment;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;

/**
 * fabric8's mock API server (CRUD, not a real API server; no operator) with the Experiment CRD, and
 * a kubeconfig pointing at it, for {@code submit} run as a separate process.
 */
final class MockCluster implements AutoCloseable {

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final Path kubeconfig;

  MockCluster(Path root, Path dir) throws IOException {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesMixedDispatcher(new HashMap<>()),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    try (InputStream crd =
        Files.newInputStream(root.resolve("generated-crds/experiments.experiments.illm.io.yaml"))) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: mock
        contexts: [{name: mock, context: {cluster: k, user: u}}]
        clusters: [{name: k, cluster: {server: "http://%s:%d"}}]
        users: [{name: u, user: {token: t}}]
        """
            .formatted(server.getHostName(), server.getPort()));
  }

  Path kubeconfig() {
    return kubeconfig;
  }

  /** The experiment of that name in {@code namespace}, or null. */
  Experiment experiment(String namespace, String name) {
    return client.resources(Experiment.class).inNamespace(namespace).withName(name).get();
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
