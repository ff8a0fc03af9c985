package io.illm.lab.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the build machine's tools (ldd, dpkg-query, git) and returns what they print. */
final class Commands {

  record Result(int exit, String out) {}

  private Commands() {}

  /** Runs {@code command}; fails with its output unless it exits 0. */
  static String run(List<String> command) throws IOException {
    Result r = tryRun(command, null);
    if (r.exit() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + r.exit() + ": " + r.out());
    }
    return r.out();
  }

  static Result tryRun(List<String> command) throws IOException {
    return tryRun(command, null);
  }

  /** Runs {@code command} in {@code dir} (null: here), stderr with stdout, at most 2 minutes. */
  static Result tryRun(List<String> command, Path dir) throws IOException {
    return tryRun(command, dir, Map.of());
  }

  /** As {@link #tryRun(List, Path)}, with {@code env} added to the environment. */
  static Result tryRun(List<String> command, Path dir, Map<String, String> env) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().putAll(env);
    if (dir != null) {
      pb.directory(dir.toFile());
    }
    pb.environment().put("LC_ALL", "C");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Result(127, command.get(0) + ": " + e.getMessage());
    }
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(2, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        return new Result(124, out);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + command, e);
    }
    return new Result(p.exitValue(), out);
  }
}
