package io.illm.lab.hub.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A process the local hub started and outlives the command that started it: its name, process id
 * and start time (so that a later {@code down} never signals another process that reused the id).
 *
 * @param name what it is (etcd, kube-apiserver, ...)
 * @param pid its process id
 * @param started when it started, as the operating system says (milliseconds since the epoch)
 */
public record HubProcess(String name, long pid, long started) {

  private static final Path SETSID = Path.of("/usr/bin/setsid");

  /**
   * Starts {@code command} in a session of its own (so a Ctrl-C or a closed terminal does not reach
   * it), stdin from /dev/null, stdout and stderr into {@code log}.
   */
  static HubProcess start(String name, List<String> command, Path log) {
    List<String> full = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      full.add(SETSID.toString()); // not a group leader: setsid execs in place, the pid stays
    }
    full.addAll(command);
    try {
      Process process =
          new ProcessBuilder(full)
              .redirectInput(new File("/dev/null"))
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      long started =
          process
              .info()
              .startInstant()
              .map(Instant::toEpochMilli)
              .orElse(System.currentTimeMillis());
      return new HubProcess(name, process.pid(), started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** The running process, if it is still the one that was started. */
  Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(
            h ->
                h.info()
                    .startInstant()
                    .map(t -> Math.abs(t.toEpochMilli() - started) < 2_000)
                    .orElse(false));
  }

  public boolean running() {
    return handle().isPresent();
  }

  /** SIGTERM, {@code grace} to exit, then SIGKILL; true when it was running. */
  boolean stop(Duration grace) {
    Optional<ProcessHandle> handle = handle();
    if (handle.isEmpty()) {
      return false;
    }
    ProcessHandle process = handle.get();
    process.destroy();
    try {
      process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      try {
        process.onExit().get(10, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // reported by status if it is still there
      }
    }
    return true;
  }
}
