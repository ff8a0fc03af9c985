package io.illm.lab.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The kubectl tools/build.sh built, run with a kubeconfig of the test's control plane. */
public final class Kubectl {

  private final Path binary;
  private final Path kubeconfig;

  public Kubectl(Path binary, Path kubeconfig) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** What kubectl printed and how it exited. */
  public record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
  }

  /** Runs kubectl with {@code args} to its end (at most a minute). */
  public Result run(String... args) {
    try {
      Path out = Files.createTempFile("kubectl", ".out");
      Path err = Files.createTempFile("kubectl", ".err");
      try {
        Process process = start(out, err, args);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          Processes.kill(process);
          throw new IllegalStateException("kubectl " + String.join(" ", args) + " hung");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts kubectl with {@code args}, its output into {@code out} and {@code err}. */
  public Process start(Path out, Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.add("--kubeconfig=" + kubeconfig);
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().remove("KUBECONFIG");
    return builder.start();
  }

  /** Stops a started kubectl (a watch). */
  public static void stop(Process process) {
    Processes.stop(process, Duration.ofSeconds(5));
  }
}
