package io.illm.lab.kube;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.illm.lab.image.ContainerStats;
import io.illm.lab.image.Podman;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * The operator's image (the archive the image module built) run under podman against a {@link
 * RealLab}: as the Deployment runs it (read-only root filesystem, every capability dropped, user
 * nonroot, a tmpfs at /tmp) within the Deployment's limits (500m CPU, 128 MiB), on the host's
 * network so that the loopback API server and the simulated Prometheus are reachable, with a
 * kubeconfig holding a real token of the operator's ServiceAccount mounted read-only and the lab's
 * results folder mounted where the Deployment's results volume is. {@link #close} stops and removes
 * the container and the loaded image.
 */
public final class OperatorContainer implements AutoCloseable {

  /** The Deployment's limits (platform/operator/deploy/deployment.yaml). */
  public static final String CPUS = "0.5";

  public static final String MEMORY = "128m";

  /**
   * The init container's memory limit: dumping the class-data archive loads all the operator's
   * classes and copies them, about twice what the operator needs (192m is OOM-killed).
   */
  public static final String INIT_MEMORY = "256m";

  private static final String RESULTS = "/var/lib/illm-lab/results";

  private final Podman podman;
  private final String image;
  private final String name;
  private final String cgroup;
  private final int probePort;
  private Podman.Run stopped;

  private OperatorContainer(
      Podman podman, String image, String name, String cgroup, int probePort) {
    this.podman = podman;
    this.image = image;
    this.name = name;
    this.cgroup = cgroup;
    this.probePort = probePort;
  }

  /**
   * The built archive ({@code -Dimage.archive}, set by this module's pom), or the test is skipped
   * with one line; podman too.
   */
  public static Path archiveOrSkip() {
    String archive = System.getProperty("image.archive", "");
    assumeTrue(
        !archive.isEmpty() && Files.isRegularFile(Path.of(archive)),
        "skipped: no operator image at '"
            + archive
            + "' (./mvnw verify -pl kube-tests -am builds it; not with -Dimage.skip)");
    return Path.of(archive);
  }

  /**
   * Loads the image and starts it as the ServiceAccount of the RBAC copy {@code suffix} (applied
   * already), with the JVM options {@code jvmOptions} when not null (JDK_JAVA_OPTIONS, replacing
   * the image's), and waits until its /readyz answers.
   */
  public static OperatorContainer start(
      RealLab lab, String suffix, Path folder, String jvmOptions, Map<String, String> moreEnv)
      throws IOException {
    Path archive = archiveOrSkip();
    Podman podman = Podman.orSkip();
    Path kubeconfig = folder.resolve("operator.kubeconfig");
    TokenKubeconfig.write(
        lab.plane(), OperatorRbac.NAMESPACE, OperatorRbac.account(suffix), kubeconfig);
    // read by user nonroot (65532) in the container
    Files.setPosixFilePermissions(kubeconfig, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(lab.results(), PosixFilePermissions.fromString("rwxrwxrwx"));
    int probePort = freePort();
    Map<String, String> env = new java.util.TreeMap<>(moreEnv);
    env.put("ILLM_PROMETHEUS_URL", lab.cloud().prometheus().toString());
    env.put("ILLM_RESULTS_DIR", RESULTS);
    env.put("ILLM_NAMESPACE", OperatorRbac.NAMESPACE);
    env.put("ILLM_PROBE_PORT", Integer.toString(probePort));
    env.put("HOSTNAME", "operator-" + suffix);
    if (jvmOptions != null) {
      env.put("JDK_JAVA_OPTIONS", jvmOptions);
    }
    String image = podman.load(archive);
    Path classData = dumpClassData(podman, image, folder);
    String name = "illm-lab-operator-" + suffix + "-" + ProcessHandle.current().pid();
    String cgroup =
        podman.start(
            name,
            image,
            env,
            kubeconfig,
            CPUS,
            MEMORY,
            "--volume=" + lab.results().toAbsolutePath() + ":" + RESULTS + ":rw",
            "--volume=" + classData.toAbsolutePath() + ":" + Podman.CLASS_DATA_DIR + ":ro");
    OperatorContainer container = new OperatorContainer(podman, image, name, cgroup, probePort);
    try {
      container.awaitReady(Duration.ofSeconds(120));
    } catch (RuntimeException | Error e) {
      container.close();
      throw e;
    }
    return container;
  }

  /**
   * The Deployment's init container: the class-data sharing archive dumped into {@code
   * folder/class-data}, mounted read-only into the operator's container as the Deployment mounts
   * its volume.
   */
  private static Path dumpClassData(Podman podman, String image, Path folder) throws IOException {
    Path dir = Files.createDirectories(folder.resolve("class-data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    Podman.Run dump = podman.dumpClassData(image, dir, CPUS, INIT_MEMORY);
    if (dump.exit() != 0 || !Files.isRegularFile(dir.resolve("operator.jsa"))) {
      throw new IOException("the class-data dump failed: " + dump.out() + dump.err());
    }
    return dir;
  }

  private void awaitReady(Duration patience) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest readyz =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/readyz"))
            .timeout(Duration.ofSeconds(1))
            .build();
    RealLab.await(
        "the operator container ready",
        () -> {
          try {
            return http.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        patience,
        this::logs);
  }

  /** The operator's /metrics, as Prometheus would scrape them. */
  public String metrics() throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probePort + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  /** The container's cgroup counters now. */
  public ContainerStats stats() throws IOException {
    return ContainerStats.of(cgroup);
  }

  /** The container's log so far (its last 60 lines). */
  public String logs() {
    try {
      String all;
      if (stopped != null) {
        all = stopped.err();
      } else {
        Podman.Run logs = podman.run(java.util.List.of("logs", name), 60);
        all = logs.out() + logs.err();
      }
      String[] lines = all.split("\n");
      return String.join(
          "\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 60), lines.length));
    } catch (IOException e) {
      return "(no logs: " + e.getMessage() + ")";
    }
  }

  /** Stops the container: "OOMKILLED EXITCODE" as podman inspect reports them, and its logs. */
  public Podman.Run stop() throws IOException {
    if (stopped == null) {
      stopped = podman.stop(name);
    }
    return stopped;
  }

  @Override
  public void close() {
    try {
      stop();
      podman.remove(image);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
