package io.illm.lab.cli.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportCommandTest {

  private static final String ORIGINAL_EXPERIMENT =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Experiment
      metadata:
        generateName: hello-
      spec:
        series: s
        targets:
          - name: app
            cluster:
              type: gke
        workflow:
          template: hello-validation
          completion:
            mode: workflow
      """;

  private static final String ORIGINAL_COMPONENT =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Component
      metadata:
        name: egress
      spec:
        type: config
        sources:
          - repoURL: https://github.com/example/lab.git
            path: k8s
      """;

  /** What the two original files above are imported as, with their paths to fill in. */
  private static final String BOTH_IMPORTED =
      """
        # imported from %s
        apiVersion: experiments.illm.io/v1alpha1
        kind: Component
        metadata:
          name: egress
        spec:
          category: apps
          type: config
          sources:
            - repoURL: https://github.com/example/lab.git
              path: k8s
        ---
        # imported from %s
        apiVersion: experiments.illm.io/v1alpha1
        kind: Experiment
        metadata:
          name: hello
        spec:
          targets:
            - name: app
              cluster:
                provider: gke
          workflow:
            template: hello-validation
            completion:
              mode: workflow
        """;

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine command = new CommandLine(new ImportCommand());
    command.setOut(new PrintWriter(out));
    command.setErr(new PrintWriter(err));
    return command.execute(args);
  }

  @Test
  void printsEveryObjectWithItsFileAndTheNotesSortedThenASummary() throws IOException {
    Files.createDirectories(dir.resolve("experiments"));
    Files.writeString(dir.resolve("experiments/hello.yaml"), ORIGINAL_EXPERIMENT);
    Files.createDirectories(dir.resolve("components/apps"));
    Files.writeString(dir.resolve("components/apps/egress.yaml"), ORIGINAL_COMPONENT);

    int exit = run(dir.toString());

    assertEquals(0, exit, err::toString);
    String component = dir.resolve("components/apps/egress.yaml").toString();
    String experiment = dir.resolve("experiments/hello.yaml").toString();
    assertEquals(BOTH_IMPORTED.formatted(component, experiment), out.toString());
    assertEquals(
        """
        %1$s: metadata.generateName: warning: generateName replaced by name hello; synth'd experiments have fixed names
        %1$s: spec.series: warning: not carried over: the original operator stored series but never used it (group related experiments with spec.tags)
        imported 2 objects from 2 files: 0 errors, 2 notes
        """
            .formatted(experiment),
        err.toString());
  }

  @Test
  void jsonHoldsEveryObjectTheProblemsAndTheCounts() throws IOException {
    Files.createDirectories(dir.resolve("experiments"));
    Files.writeString(dir.resolve("experiments/hello.yaml"), ORIGINAL_EXPERIMENT);
    Path bad = Files.writeString(dir.resolve("egress.yaml"), ORIGINAL_COMPONENT);

    int exit = run(dir.resolve("experiments").toString(), bad.toString(), "--output", "json");

    assertEquals(2, exit);
    assertEquals("", err.toString(), "json: nothing on stderr");
    var json = io.illm.lab.yaml.LabYaml.json().readTree(out.toString());
    assertEquals("Experiment", json.at("/objects/0/kind").asText(), json.toString());
    assertEquals("hello", json.at("/objects/0/object/metadata/name").asText());
    assertEquals(1, json.path("errors").asInt());
    assertEquals(2, json.path("notes").asInt());
    assertTrue(
        json.path("problems").findValuesAsText("path").contains("spec.category"), json.toString());
    run(dir.resolve("experiments").toString(), "--output", "json", "--java");
    assertTrue(out.toString().contains("\"java\" : \"// Hello.java"), out.toString());
  }

  @Test
  void exitsWithTwoWhenSomethingHasErrors() throws IOException {
    Path file = Files.writeString(dir.resolve("egress.yaml"), ORIGINAL_COMPONENT);

    int exit = run(file.toString());

    assertEquals(2, exit);
    assertEquals("", out.toString());
    assertTrue(err.toString().contains(file + ": spec.category: no category"), err::toString);
    assertTrue(
        err.toString().endsWith("imported 0 objects from 1 files: 1 errors, 0 notes\n"),
        err::toString);
  }

  @Test
  void categoryNamesTheCategoryOfOriginalComponents() throws IOException {
    Path file = Files.writeString(dir.resolve("egress.yaml"), ORIGINAL_COMPONENT);

    int exit = run(file.toString(), "--category", "observability");

    assertEquals(0, exit, err::toString);
    assertTrue(out.toString().contains("category: observability"), out::toString);
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertEquals(2, run());
    assertEquals(2, run("--no-such-option", "x.yaml"));
    assertEquals(2, run(dir.resolve("missing.yaml").toString()));
    assertTrue(err.toString().contains("missing.yaml: no such file or folder"), err::toString);
    assertEquals(2, run(dir.toString(), "--category", "gadgets"));
    assertTrue(err.toString().contains("--category gadgets is not one of"), err::toString);
  }

  @Test
  void malformedYamlIsAnErrorLineNotAStackTrace() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), "kind: [\n");

    int exit = run(file.toString());

    assertEquals(2, exit);
    assertTrue(err.toString().startsWith(file + ": malformed YAML at "), err::toString);
    assertTrue(
        !err.toString().contains("Exception") && !err.toString().contains("\tat "), err::toString);
  }
}
