package io.illm.lab.cli.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ValidateCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new ValidateCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  private Path copy(String resource, String name) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/io/illm/lab/validate/" + resource)) {
      Path target = dir.resolve(name);
      Files.createDirectories(target.getParent());
      Files.write(target, in.readAllBytes());
      return target;
    }
  }

  @Test
  void validInputExitsZeroWithASummary() throws IOException {
    copy("valid-experiment.yaml", "experiments/tsdb.yaml");
    copy("catalogue.yaml", "components/all.yaml");
    int code =
        run(
            dir.resolve("experiments").toString(),
            "--catalogue",
            dir.resolve("components").toString());
    assertEquals(0, code, out + "" + err);
    assertEquals(
        "validated 1 document in 1 file: 0 errors, 0 warnings\n", out.toString().replace("\r", ""));
  }

  @Test
  void invalidInputExitsTwoAndPrintsEveryProblemSorted() throws IOException {
    copy("valid-experiment.yaml", "tsdb.yaml");
    Path broken = copy("bad/unknown-field.yaml", "broken.yaml");
    int code = run(dir.resolve("tsdb.yaml").toString(), broken.toString());
    assertEquals(2, code);
    String[] lines = out.toString().replace("\r", "").split("\n");
    assertTrue(
        lines[0].endsWith(
            "broken.yaml: spec.targets[0].colour: unknown field \"colour\" (remove it or check its spelling)"),
        lines[0]);
    assertTrue(
        lines[1].contains("tsdb.yaml: spec.targets[0].components[0].app: unknown component"),
        lines[1]);
    assertEquals(
        "validated 2 documents in 2 files: 4 errors, 0 warnings",
        lines[lines.length - 1],
        out.toString());
  }

  @Test
  void warningsAreMarkedAndDoNotFail() throws IOException {
    Path file = dir.resolve("long.yaml");
    Files.writeString(
        file,
        Files.readString(copy("valid-experiment.yaml", "x.yaml"))
            .replace("name: tsdb-comparison", "name: a-rather-long-experiment-name"));
    copy("catalogue.yaml", "components/c.yaml");
    int code = run(file.toString(), "--catalogue", dir.resolve("components").toString());
    assertEquals(0, code, out.toString());
    assertTrue(
        out.toString().contains("long.yaml: spec.targets[0].name: warning: cluster name"),
        out.toString());
    assertTrue(out.toString().contains(": 0 errors, 1 warning\n"), out.toString());
  }

  @Test
  void jsonOutputCarriesTheSameProblems() throws IOException {
    Path broken = copy("bad/unknown-field.yaml", "broken.yaml");
    assertEquals(2, run("--output", "json", broken.toString()));
    JsonNode json = LabYaml.json().readTree(out.toString());
    assertEquals(1, json.path("errors").asInt());
    assertEquals("spec.targets[0].colour", json.path("problems").path(0).path("path").asText());
    assertEquals("error", json.path("problems").path(0).path("severity").asText());
  }

  @Test
  void usageErrorsExitTwo() {
    assertEquals(2, run("--root", dir.toString()));
    assertTrue(err.toString().contains("validate: nothing to check"), err.toString());
    assertEquals(2, run("--output", "xml", "."));
    assertEquals(2, run(dir.resolve("missing.yaml").toString()));
    assertTrue(err.toString().contains("no such file or directory"), err.toString());
  }
}
