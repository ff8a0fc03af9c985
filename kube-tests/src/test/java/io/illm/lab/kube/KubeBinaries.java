package io.illm.lab.kube;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The control-plane binaries {@code tools/build.sh kube} built (etcd, kube-apiserver,
 * kube-controller-manager, kubectl), found with {@code tools/build.sh --print kube}, which builds
 * nothing. Where they are not built, the calling test is skipped with build.sh's one-line hint.
 */
public record KubeBinaries(Path folder, String version) {

  /** The repository root: tests run in kube-tests/. */
  public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  /** The binaries, or the test skipped with the command that builds them. */
  public static KubeBinaries orSkip() {
    Lookup lookup = lookup();
    assumeTrue(lookup.folder() != null, lookup.hint());
    return new KubeBinaries(lookup.folder(), kubeVersion());
  }

  /** Whether the binaries are built (no skip). */
  public static boolean built() {
    return lookup().folder() != null;
  }

  /** The Kubernetes version without its v ("1.37.2"), from tools/kube/VERSION. */
  public static String kubeVersion() {
    try {
      return Files.readString(ROOT.resolve("tools/kube/VERSION")).strip().substring(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path etcd() {
    return folder.resolve("etcd");
  }

  public Path apiServer() {
    return folder.resolve("kube-apiserver");
  }

  public Path controllerManager() {
    return folder.resolve("kube-controller-manager");
  }

  public Path kubectl() {
    return folder.resolve("kubectl");
  }

  private record Lookup(Path folder, String hint) {}

  private static Lookup lookup() {
    try {
      Process print =
          new ProcessBuilder(List.of(ROOT.resolve("tools/build.sh").toString(), "--print", "kube"))
              .directory(ROOT.toFile())
              .start();
      print.getOutputStream().close();
      String out = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(print.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!print.waitFor(30, TimeUnit.SECONDS)) {
        print.destroyForcibly();
        return new Lookup(null, "tools/build.sh --print kube did not answer in 30 s");
      }
      if (print.exitValue() != 0) {
        return new Lookup(null, err.strip());
      }
      List<String> lines = out.strip().lines().toList();
      return new Lookup(Path.of(lines.get(lines.size() - 1)), "");
    } catch (IOException e) {
      return new Lookup(null, "tools/build.sh cannot run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Lookup(null, "interrupted while asking tools/build.sh");
    }
  }
}
