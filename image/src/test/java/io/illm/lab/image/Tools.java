package io.illm.lab.image;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Go tools tools/build.sh builds (kubectl, cosign, actionlint, crane), found with {@code
 * tools/build.sh --print}; a test that needs one that is not built is skipped with one line.
 */
final class Tools {

  /** What a tool printed and how it ended. */
  record Result(int exit, String out, String err) {}

  static final Path ROOT =
      Path.of(System.getProperty("lab.root", "..")).toAbsolutePath().normalize();

  private Tools() {}

  /** The binary {@code binary} of tools/build.sh's {@code tool}, or the test is skipped. */
  static Path orSkip(String tool, String binary) throws IOException {
    Result r = run(ROOT, Map.of(), 60, ROOT.resolve("tools/build.sh").toString(), "--print", tool);
    assumeTrue(r.exit() == 0, "skipped: " + r.err().strip());
    Path bin = Path.of(r.out().strip().lines().reduce((a, b) -> b).orElse("")).resolve(binary);
    assumeTrue(Files.isExecutable(bin), "skipped: no " + bin);
    return bin;
  }

  /** Runs {@code command} in {@code dir}, at most {@code timeoutSeconds}. */
  static Result run(Path dir, Map<String, String> env, int timeoutSeconds, String... command)
      throws IOException {
    return run(dir, env, timeoutSeconds, List.of(command));
  }

  static Result run(Path dir, Map<String, String> env, int timeoutSeconds, List<String> command)
      throws IOException {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile());
    pb.environment().putAll(env);
    Path out = Files.createTempFile("tool", ".out");
    Path err = Files.createTempFile("tool", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      boolean done;
      try {
        done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        done = false;
      }
      if (!done) {
        p.destroyForcibly();
      }
      return new Result(
          done ? p.exitValue() : 124,
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
