package io.illm.lab.kube;

import io.illm.lab.operator.main.OperatorMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operator as its image runs it: {@link OperatorMain} in a JVM of its own, configured by its
 * environment (a kubeconfig with a real token of its ServiceAccount, the Prometheus URL, a results
 * folder), which a test can kill -9 and start again. Its output goes to a log file.
 */
public final class OperatorProcess implements AutoCloseable {

  private final List<String> command;
  private final Map<String, String> environment;
  private final Path log;
  private final int probePort;
  private Process process;

  private OperatorProcess(
      List<String> command, Map<String, String> environment, Path log, int probePort) {
    this.command = command;
    this.environment = environment;
    this.log = log;
    this.probePort = probePort;
  }

  /**
   * The operator of {@code lab} as the ServiceAccount of the RBAC copy {@code suffix} (a token of
   * an hour from the TokenRequest API), not yet started.
   */
  public static OperatorProcess of(RealLab lab, String suffix, Path folder) {
    Path kubeconfig = folder.resolve("operator.kubeconfig");
    TokenKubeconfig.write(
        lab.plane(), OperatorRbac.NAMESPACE, OperatorRbac.account(suffix), kubeconfig);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            OperatorMain.class.getName());
    int probePort = freePort();
    Map<String, String> environment =
        Map.of(
            "KUBECONFIG", kubeconfig.toString(),
            "ILLM_PROMETHEUS_URL", lab.cloud().prometheus().toString(),
            "ILLM_RESULTS_DIR", lab.results().toString(),
            "ILLM_NAMESPACE", OperatorRbac.NAMESPACE,
            "ILLM_PROBE_PORT", Integer.toString(probePort),
            "HOSTNAME", "operator-" + suffix);
    return new OperatorProcess(command, environment, folder.resolve("operator.log"), probePort);
  }

  /** Starts the JVM (its output appended to the log). */
  public void start() {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .redirectInput(new File("/dev/null"));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL, as a node lost or an OOM kill would do; waits until it is gone. */
  public void kill9() {
    if (process != null) {
      Processes.kill(process);
      process = null;
    }
  }

  /** Waits until its /readyz answers 200 (every event source healthy), at most {@code patience}. */
  public void awaitReady(Duration patience) {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest readyz =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + probePort + "/readyz"))
            .timeout(Duration.ofSeconds(1))
            .build();
    RealLab.await(
        "the operator ready",
        () -> {
          try {
            return http.send(readyz, java.net.http.HttpResponse.BodyHandlers.discarding())
                    .statusCode()
                == 200;
          } catch (IOException e) {
            return false;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        },
        patience,
        this::tail);
  }

  /** The last lines of its log. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  public boolean alive() {
    return process != null && process.isAlive();
  }

  public Path log() {
    return log;
  }

  @Override
  public void close() {
    if (process != null) {
      Processes.stop(process, Duration.ofSeconds(10));
      process = null;
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
