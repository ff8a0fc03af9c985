package io.illm.lab.operator.josdk;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.sim.SimWorld;
import io.javaoperatorsdk.operator.Operator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A hub inside this process, for {@code ./lab run} without a cluster: fabric8's mock API server on
 * a loopback ephemeral port (CRUD mode; not a kube-apiserver: no admission, no schema validation,
 * no garbage collection), the two generated CRDs applied, and the real JOSDK operator driving a
 * {@link SimWorld}. Everything it produces is simulated. {@link #close} stops the operator, then
 * the server.
 */
public final class EmbeddedHub implements AutoCloseable {

  /** Where experiments are created. */
  public static final String NAMESPACE = "experiments";

  private static final List<String> CRDS = List.of("experiments.experiments.illm.io", "components.experiments.illm.io");
  /** Held so the levels stay set: java.util.logging keeps loggers weakly. */
  private static final List<Logger> QUIET = List.of(Logger.getLogger("io.fabric8"), Logger.getLogger("io.vertx"),
      Logger.getLogger("io.netty"), Logger.getLogger("okhttp3"), Logger.getLogger("io.javaoperatorsdk"));

  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private Operator operator;

  private EmbeddedHub(KubernetesMockServer server, KubernetesClient client) {
    this.server = server;
    this.client = client;
  }

  /**
   * Starts the server, applies the CRDs ({@code generated-crds/} under {@code labRoot} when there,
   * else the ones on the classpath) and creates {@link #NAMESPACE}; the operator comes with
   * {@link #startOperator}, so that a simulated clock need not run while the server starts.
   */
  public static EmbeddedHub start(Path labRoot) {
    QUIET.forEach(l -> l.setLevel(Level.OFF));
    KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
        new KubernetesCrudDispatcher(Collections.emptyList()), false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    KubernetesClient client = server.createClient();
    try {
      for (String crd : CRDS) {
        try (InputStream in = crd(labRoot, crd)) {
          client.apiextensions().v1().customResourceDefinitions().load(in).create();
        }
      }
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
          .create();
      return new EmbeddedHub(server, client);
    } catch (IOException e) {
      client.close();
      server.destroy();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      client.close();
      server.destroy();
      throw e;
    }
  }

  /** Starts the operator on {@code world}, whose clock runs {@code timeFactor} times faster than real time. */
  public void startOperator(SimWorld world, double timeFactor) {
    if (operator != null) {
      throw new IllegalStateException("the operator of this hub is already started");
    }
    // one experiment, no probes, no leader election, SSA off (the mock answers 415 to it)
    OperatorSettings settings = new OperatorSettings(1, Optional.empty(), 0, timeFactor, Duration.ofMillis(100),
        false, false);
    operator = OperatorMain.operator(client, new Engine(world.ports(), world.clock), settings, new OperatorMetrics());
    operator.start();
  }

  /** A client of the embedded API server; closed by {@link #close}. */
  public KubernetesClient client() {
    return client;
  }

  @Override
  public void close() {
    try {
      if (operator != null) {
        operator.stop();
      }
    } finally {
      client.close();
      server.destroy();
    }
  }

  private static InputStream crd(Path labRoot, String name) throws IOException {
    Path file = labRoot.resolve("generated-crds").resolve(name + ".yaml");
    if (Files.isRegularFile(file)) {
      return Files.newInputStream(file);
    }
    InputStream resource = EmbeddedHub.class.getResourceAsStream("/META-INF/fabric8/" + name + "-v1.yml");
    if (resource == null) {
      throw new IOException("no CRD " + name + ": neither " + file + " nor META-INF/fabric8/" + name
          + "-v1.yml on the classpath");
    }
    return resource;
  }
}
