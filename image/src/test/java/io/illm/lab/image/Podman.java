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
public final class Podman {

  /** What a container printed and how it ended. */
  public record Run(int exit, String out, String err) {}

  private final Path conf;

  private Podman(Path conf) {
    this.conf = conf;
  }

  /** Podman, or the test is skipped with one line. */
  public static Podman orSkip() throws IOException {
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
  public String load(Path archive) throws IOException {
    Run r = run(List.of("load", "--quiet", "--input", archive.toString()), 300);
    if (r.exit() != 0) {
      throw new IOException("podman load: " + r.out() + r.err());
    }
    // "Loaded image: localhost/NAME:TAG" (or "Loaded image(s): ...")
    String line = r.out().strip();
    return line.substring(line.lastIndexOf(' ') + 1);
  }

  public void remove(String image) throws IOException {
    run(List.of("rmi", "--force", image), 60);
  }

  /**
   * Runs {@code image} as the Deployment would, with {@code env}; {@code kubeconfig}, when given,
   * is mounted where fabric8 looks ({@code ~/.kube/config}) and the network is the host's, so a
   * loopback API server is reachable.
   */
  public Run operator(
      String image, Map<String, String> env, Path kubeconfig, int timeoutSeconds, String... extra)
      throws IOException {
    boolean detached = List.of(extra).contains("--detach");
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
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
    if (!detached) {
      args.add("--rm");
    }
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      args.add("--env=" + e.getKey() + "=" + e.getValue());
    }
    args.addAll(List.of(extra));
    args.add(image);
    return run(args, timeoutSeconds);
  }

  /** Where the Deployment's init container writes the class-data sharing archive. */
  public static final String CLASS_DATA_DIR = "/var/cache/illm-lab";

  /**
   * What the Deployment's init container does (platform/operator/deploy/deployment.yaml): dumps the
   * class-data sharing archive of the image's class list with the image's java into {@code dir},
   * mounted at {@value #CLASS_DATA_DIR}, within {@code cpus} and {@code memory}, as the image's
   * user (the folder must be writable by it).
   */
  public Run dumpClassData(String image, Path dir, String cpus, String memory) throws IOException {
    return run(
        List.of(
            "run",
            "--rm",
            "--read-only",
            "--cap-drop=ALL",
            "--security-opt=no-new-privileges",
            "--network=none",
            "--cpus=" + cpus,
            "--memory=" + memory,
            "--memory-swap=" + memory,
            "--volume=" + dir.toAbsolutePath() + ":" + CLASS_DATA_DIR + ":rw",
            "--entrypoint=/opt/java/bin/java",
            image,
            "@/app/cds/classpath.args",
            "-Xshare:dump",
            "-XX:SharedClassListFile=/app/cds/operator.classlist",
            "-XX:SharedArchiveFile=" + CLASS_DATA_DIR + "/operator.jsa"),
        300);
  }

  /**
   * Starts {@code image} detached as {@code name}, as {@link #operator} runs it, within {@code
   * cpus} and {@code memory} (e.g. "0.5", "128m": the Deployment's limits); returns its cgroup path
   * for {@link ContainerStats#of}. Stop it with {@link #stop}.
   */
  public String start(
      String name,
      String image,
      Map<String, String> env,
      Path kubeconfig,
      String cpus,
      String memory,
      String... extra)
      throws IOException {
    List<String> options =
        new ArrayList<>(
            List.of(
                "--detach",
                "--name=" + name,
                "--cpus=" + cpus,
                "--memory=" + memory,
                "--memory-swap=" + memory));
    options.addAll(List.of(extra));
    Run r = operator(image, env, kubeconfig, 120, options.toArray(String[]::new));
    if (r.exit() != 0) {
      throw new IOException("podman run " + name + ": " + r.out() + r.err());
    }
    return run(List.of("inspect", "--format", "{{.State.CgroupPath}}", name), 30).out().strip();
  }

  /** Whether the kernel killed {@code name} for memory, and its logs; then removes it. */
  public Run stop(String name) throws IOException {
    run(List.of("stop", "--time=30", name), 60);
    Run inspect =
        run(List.of("inspect", "--format", "{{.State.OOMKilled}} {{.State.ExitCode}}", name), 30);
    Run logs = run(List.of("logs", name), 60);
    run(List.of("rm", "--force", name), 60);
    return new Run(inspect.exit(), inspect.out().strip(), logs.out() + logs.err());
  }

  public Run run(List<String> args, int timeoutSeconds) throws IOException {
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
