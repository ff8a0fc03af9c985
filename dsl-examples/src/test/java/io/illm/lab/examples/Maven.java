package io.illm.lab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./mvnw} run in a folder as a person would run it, offline, with its output; a test's local
 * repository in front of the shared one (read only, {@code maven.repo.local.tail}) when one is
 * given, so that nothing is installed into {@code ~/.m2}.
 */
final class Maven {

  /**
   * What a run printed (stdout and stderr, interleaved) and how it ended.
   *
   * @param code the exit code
   * @param output everything printed
   */
  record Run(int code, String output) {}

  private final Path dir;
  private final List<String> options;

  Maven(Path dir, List<String> options) {
    this.dir = dir;
    this.options = List.copyOf(options);
  }

  /** Maven in {@code dir}, offline, quiet; {@code repository} in front of ~/.m2 when not null. */
  static Maven in(Path dir, Path repository) {
    List<String> options = new ArrayList<>(List.of("-o", "-q", "-B"));
    if (repository != null) {
      options.add("-Dmaven.repo.local=" + repository);
      options.add(
          "-Dmaven.repo.local.tail="
              + Path.of(System.getProperty("user.home"), ".m2", "repository"));
    }
    return new Maven(dir, options);
  }

  /** {@code ./mvnw <options> <args>}; fails the test after {@code minutes}. */
  Run run(int minutes, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./mvnw"));
    command.addAll(options);
    command.addAll(List.of(args));
    Path log = Files.createTempFile("mvnw", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      // as on a newcomer's machine: the project is the current folder, no cluster is configured
      builder.environment().remove("LAB_ROOT");
      builder.environment().remove("KUBECONFIG");
      Process process = builder.start();
      if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError(
            String.join(" ", command) + " took over " + minutes + "m:\n" + Files.readString(log));
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
