package io.illm.lab.kube;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real control plane on loopback for the tests: etcd and kube-apiserver started by kube-api-test
 * in offline mode from the binaries {@code tools/build.sh kube} built (RBAC authorizer, an audit
 * log of every request), plus kube-controller-manager (garbage collection, namespaces, service
 * accounts) as a child process. {@link #close} stops all three and removes the folder.
 */
public final class ControlPlane implements AutoCloseable {

  /** The lab's CRDs, from generated-crds/. */
  public static final List<String> LAB_CRDS =
      List.of("experiments.experiments.illm.io", "components.experiments.illm.io");

  /** The child CRD subsets the operator creates objects of, from the operator's classpath. */
  public static final List<String> CHILD_CRDS =
      List.of(
          "clusterclaims.illm.io.yaml",
          "applications.argoproj.io.yaml",
          "workflows.argoproj.io.yaml",
          "workflowtemplates.argoproj.io.yaml");

  private static final String AUDIT_POLICY =
      """
      apiVersion: audit.k8s.io/v1
      kind: Policy
      omitStages: [RequestReceived]
      rules:
        - level: Metadata
      """;

  private final KubeBinaries binaries;
  private final Path dir;
  private final KubeAPIServer server;
  private final KubernetesClient admin;
  private final Path kubeconfig;
  private Process controllerManager;
  private final Thread stopOnExit = new Thread(this::stopProcesses, "control-plane-stop");

  private ControlPlane(KubeBinaries binaries, Path dir, KubeAPIServer server, Path kubeconfig) {
    this.binaries = binaries;
    this.dir = dir;
    this.server = server;
    this.kubeconfig = kubeconfig;
    this.admin = client(Config.fromKubeconfig(read(kubeconfig)));
  }

  /** Starts etcd, kube-apiserver and kube-controller-manager; skips the test without binaries. */
  public static ControlPlane start() {
    return start(true);
  }

  /**
   * Starts the control plane, with the lab's CRDs and the operator's child CRD subsets installed
   * when {@code labCrds}: without them for a test that installs CRDs of its own under those names.
   */
  public static ControlPlane start(boolean labCrds) {
    KubeBinaries binaries = KubeBinaries.orSkip();
    Path dir;
    try {
      dir = Files.createTempDirectory("kubeapitest");
      linkBinaries(binaries, dir.resolve("k8s/" + binaries.version() + "-linux-amd64"));
      Files.writeString(dir.resolve("audit-policy.yaml"), AUDIT_POLICY);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    KubeAPIServer server =
        new KubeAPIServer(
            KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(dir.toString())
                .withApiServerVersion(binaries.version())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout(120_000)
                .withApiServerFlag(
                    "--audit-policy-file", dir.resolve("audit-policy.yaml").toString())
                .withApiServerFlag("--audit-log-path", dir.resolve("audit.log").toString())
                .withApiServerFlag("--audit-log-format", "json")
                .withApiServerFlag("--bind-address", "127.0.0.1")
                .build());
    server.start();
    Path kubeconfig = dir.resolve("kubeconfig.yaml");
    write(kubeconfig, server.getKubeConfigYaml());
    ControlPlane plane = new ControlPlane(binaries, dir, server, kubeconfig);
    Runtime.getRuntime().addShutdownHook(plane.stopOnExit);
    plane.startControllerManager();
    if (labCrds) {
      plane.installCrds();
    }
    return plane;
  }

  /**
   * The folder kube-api-test runs the binaries from: links to kube-apiserver and kubectl, and etcd
   * behind a script that moves its listeners from 0.0.0.0 (kube-api-test's choice) to loopback.
   */
  private static void linkBinaries(KubeBinaries binaries, Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.createSymbolicLink(folder.resolve("kube-apiserver"), binaries.apiServer());
    Files.createSymbolicLink(folder.resolve("kubectl"), binaries.kubectl());
    Path etcd = folder.resolve("etcd");
    Files.writeString(
        etcd,
        "#!/bin/sh\n"
            + "# etcd as kube-api-test starts it, but listening on loopback only\n"
            + "for a; do shift; set -- \"$@\" \"$(printf '%s' \"$a\" | sed 's#//0[.]0[.]0[.]0:#//127.0.0.1:#g')\"; done\n"
            + "exec '"
            + binaries.etcd()
            + "' \"$@\"\n");
    etcd.toFile().setExecutable(true);
  }

  /** A client in system:masters. */
  public KubernetesClient admin() {
    return admin;
  }

  /** The admin kubeconfig file (for kubectl, ./lab submit, child JVMs). */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The binaries folder. */
  public KubeBinaries binaries() {
    return binaries;
  }

  /** The API server's audit log (JSON lines, one per request, Metadata level). */
  public Path auditLog() {
    return dir.resolve("audit.log");
  }

  /** A folder of this control plane's own, removed by {@link #close}. */
  public Path dir() {
    return dir;
  }

  /** The admin client's configuration, impersonating {@code user} in {@code groups}. */
  public Config impersonating(String user, String... groups) {
    Config config = Config.fromKubeconfig(read(kubeconfig));
    config.setImpersonateUsername(user);
    config.setImpersonateGroups(groups);
    return config;
  }

  /** A client acting as the service account {@code namespace/name}, as its token would. */
  public KubernetesClient asServiceAccount(String namespace, String name) {
    return client(
        impersonating(
            "system:serviceaccount:" + namespace + ":" + name,
            "system:serviceaccounts",
            "system:serviceaccounts:" + namespace,
            "system:authenticated"));
  }

  /** Creates the namespaces that do not exist yet. */
  public void namespaces(String... names) {
    for (String name : names) {
      admin
          .namespaces()
          .resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
          .createOr(NonDeletingOperation::update);
    }
  }

  /** Runs the built kubectl with the admin kubeconfig; its exit code and output. */
  public Kubectl.Result kubectl(String... args) {
    return new Kubectl(binaries.kubectl(), kubeconfig).run(args);
  }

  @Override
  public void close() {
    try {
      admin.close();
    } finally {
      stopProcesses();
      try {
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
      } catch (IllegalStateException e) {
        // shutting down already
      }
      deleteTree(dir);
    }
  }

  private void installCrds() {
    List<CustomResourceDefinition> crds = new ArrayList<>();
    for (String name : LAB_CRDS) {
      crds.add(load(KubeBinaries.ROOT.resolve("generated-crds/" + name + ".yaml")));
    }
    for (String file : CHILD_CRDS) {
      crds.add(loadResource("/META-INF/illm-lab/child-crds/" + file));
    }
    for (CustomResourceDefinition crd : crds) {
      admin.resource(crd).createOr(NonDeletingOperation::update);
    }
    for (CustomResourceDefinition crd : crds) {
      admin
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crd.getMetadata().getName())
          .waitUntilCondition(ControlPlane::established, 60, TimeUnit.SECONDS);
    }
  }

  /** Loads a CRD file (the kind the API server is to accept as it is). */
  public CustomResourceDefinition load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return admin.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CustomResourceDefinition loadResource(String resource) {
    try (InputStream in = ControlPlane.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is not on the classpath (build the operator)");
      }
      return admin.apiextensions().v1().customResourceDefinitions().load(in).item();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether a CRD is Established (its API served). */
  public static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void startControllerManager() {
    List<String> command =
        List.of(
            binaries.controllerManager().toString(),
            "--kubeconfig=" + kubeconfig,
            "--service-account-private-key-file=" + dir.resolve("apiserver.key"),
            "--root-ca-file=" + dir.resolve("apiserver.crt"),
            "--use-service-account-credentials=true",
            // kube-api-test's serving certificate has no CA bit: that controller fails on it
            "--controllers=*,-kube-apiserver-serving-clustertrustbundle-publisher-controller",
            "--leader-elect=false",
            "--bind-address=127.0.0.1",
            "--secure-port=0");
    try {
      controllerManager =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("kube-controller-manager.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private synchronized void stopProcesses() {
    if (controllerManager != null) {
      Processes.stop(controllerManager, Duration.ofSeconds(10));
      controllerManager = null;
    }
    server.stop();
  }

  private static KubernetesClient client(Config config) {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
