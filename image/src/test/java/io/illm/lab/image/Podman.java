package io.illm.lab.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Debian's podman, run as the lab's build machines need it (image/podman/containers.conf): loads
 * the operator's image archive and runs it the way the Deployment does (read-only root, every
 * capability dropped, no new privileges, a tmpfs at /tmp). For tests here and, with a kubeconfig,
 * against a real API server (image/run-operator.sh does the same from a shell).
 */
final class Podman {

  /** What a container printed and how it ended. */
  record Run(int exit, String out, String err) {}

  private final Path conf;

  private Podman(Path conf) {
    this.conf = conf;
  }

  /** Podman, or the test is skipped with one line. */
  static Podman orSkip() throws IOException {
    Path root = Path.of(System.getProperty("lab.root", ".."));
    Podman podman = new Podman(root.resolve("image/podman/containers.conf").toAbsolutePath());
    boolean found;
    try {
      found = podman.run(List.of("version", "--format", "{{.Client.Version}}"), 30).exit() == 0;
    } catch (IOException e) {
      found = false;
    }
    assumeTrue(found, "skipped: no podman (apt-get install podman runc; .ci/run installs them)");
    return podman;
  }

  /** Loads an OCI archive; returns the name it was loaded as. */
  String load(Path archive) throws IOException {
    Run r = run(List.of("load", "--quiet", "--input", archive.toString()), 300);
    if (r.exit() != 0) {
      throw new IOException("podman load: " + r.out() + r.err());
    }
    // "Loaded image: localhost/NAME:TAG" (or "Loaded image(s): ...")
    String line = r.out().strip();
    return line.substring(line.lastIndexOf(' ') + 1);
  }

  void remove(String image) throws IOException {
    run(List.of("rmi", "--force", image), 60);
  }

  /**
   * Runs {@code image} as the Deployment would, with {@code env}; {@code kubeconfig}, when given,
   * is mounted where fabric8 looks ({@code ~/.kube/config}) and the network is the host's, so a
   * loopback API server is reachable.
   */
  Run operator(
      String image, Map<String, String> env, Path kubeconfig, int timeoutSeconds, String... extra)
      throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--rm",
                "--read-only",
                "--cap-drop=ALL",
                "--security-opt=no-new-privileges",
                "--tmpfs=/tmp:rw,size=64m,mode=1777"));
    if (kubeconfig != null) {
      args.add("--network=host");
      args.add("--volume=" + kubeconfig.toAbsolutePath() + ":/home/nonroot/.kube/config:ro");
    } else {
      args.add("--network=none");
    }
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      args.add("--env=" + e.getKey() + "=" + e.getValue());
    }
    args.addAll(List.of(extra));
    args.add(image);
    return run(args, timeoutSeconds);
  }

  Run run(List<String> args, int timeoutSeconds) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("podman");
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("CONTAINERS_CONF", conf.toString());
    Path out = Files.createTempFile("podman", ".out");
    Path err = Files.createTempFile("podman", ".err");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      p.getOutputStream().close();
      boolean done;
      try {
        done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.destroy();
        try {
          p.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        p.destroyForcibly();
      }
      return new Run(
          done ? p.exitValue() : 124,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
