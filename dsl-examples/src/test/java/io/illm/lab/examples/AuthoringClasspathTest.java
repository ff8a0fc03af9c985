package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab} starts synth, validate and import on {@code target/authoring-classpath.txt}, the
 * runtime class path without the embedded hub, the operator's runtime, S3 and the MCP server
 * (ADR-043). Each command runs here on exactly that class path, in a child JVM as the launcher
 * starts it, on this repository's catalogue: a class one of them comes to need from a left-out jar
 * fails here as a NoClassDefFoundError instead of in a user's terminal.
 */
class AuthoringClasspathTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path TARGET = Path.of("target").toAbsolutePath();

  @Test
  void leavesOutWhatOnlyTheRunningCommandsUse() throws IOException {
    List<String> authoring = entries("authoring-classpath.txt");
    List<String> full = entries("classpath.txt");
    assertTrue(full.containsAll(authoring), "a subset of the runtime class path");
    for (String left : List.of("illm-lab-hub-", "s3-", "netty-", "vertx-", "jetty-", "mcp-core")) {
      assertTrue(full.stream().anyMatch(e -> e.contains(left)), left + " in the full one");
      assertFalse(authoring.stream().anyMatch(e -> e.contains(left)), left + " left out");
    }
  }

  @Test
  void synthChecksTheCommittedFilesAndWritesTheSameOnes(@TempDir Path out) throws Exception {
    Run check = lab("synth", "--check", "--root", ROOT.toString());
    assertEquals(0, check.code(), check.output());
    assertTrue(check.output().contains("files up to date"), check.output());

    Run json = lab("synth", "--check", "--output", "json", "--root", ROOT.toString());
    assertEquals(0, json.code(), json.output());
    assertTrue(json.output().contains("\"valid\" : true"), json.output());

    Run write = lab("synth", "--root", out.toString());
    assertEquals(0, write.code(), write.output());
    assertEquals(
        Files.readString(ROOT.resolve("experiments/hello-app/experiment.yaml")),
        Files.readString(out.resolve("experiments/hello-app/experiment.yaml")));
  }

  @Test
  void validateReadsTheProjectAndReportsABadFile(@TempDir Path dir) throws Exception {
    Run project = lab("validate", "--root", ROOT.toString());
    assertEquals(0, project.code(), project.output());

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        Files.readString(ROOT.resolve("experiments/hello-app/experiment.yaml"))
            .replace("kind: Experiment", "kind: Experiment\nunknownField: 1"));
    Run invalid = lab("validate", bad.toString());
    assertEquals(2, invalid.code(), invalid.output());
    assertTrue(invalid.output().contains("unknownField"), invalid.output());
  }

  @Test
  void importTurnsYamlIntoJava() throws Exception {
    Run run =
        lab(
            "import",
            "--java",
            ROOT.resolve("experiments/hello-app/experiment.yaml").toString(),
            ROOT.resolve("components/apps/hello-app.yaml").toString());
    assertEquals(0, run.code(), run.output());
    assertTrue(run.output().contains("class "), run.output());
  }

  private record Run(int code, String output) {}

  /** {@code LabCommand ARGS} on this module's classes and the authoring class path. */
  private static Run lab(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp"));
    command.add(
        TARGET.resolve("classes")
            + File.pathSeparator
            + String.join(File.pathSeparator, entries("authoring-classpath.txt")));
    command.add("io.illm.lab.cli.LabCommand");
    command.addAll(Arrays.asList(args));
    Path log = Files.createTempFile("lab", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("LAB_ROOT", ROOT.toString());
      Process process = builder.start();
      if (!process.waitFor(2, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new AssertionError(String.join(" ", args) + " took over 2 minutes");
      }
      return new Run(process.exitValue(), Files.readString(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static List<String> entries(String file) throws IOException {
    return List.of(Files.readString(TARGET.resolve(file)).trim().split(File.pathSeparator));
  }
}
