package io.illm.lab.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Experiment;
import io.illm.lab.testing.Testing;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthTest {

  private static final String SOURCE = "SynthTest";

  @TempDir Path root;

  @Test
  void experimentsMatchTheirGoldenFiles() throws IOException {
    for (Experiment experiment :
        List.of(Testing.minimalExperiment(), Testing.twoTargetExperiment())) {
      String name = experiment.getMetadata().getName();
      SortedMap<String, String> files = Synth.render(SOURCE, List.of(), List.of(experiment));
      assertEquals(
          golden(name + ".yaml"), files.get("experiments/" + name + "/experiment.yaml"), name);
    }
  }

  @Test
  void componentsGoUnderTheirCategory() {
    SortedMap<String, String> files =
        Synth.render(SOURCE, List.of(Testing.helloAppComponent()), List.of());
    String yaml = files.get("components/apps/hello-app.yaml");
    assertTrue(yaml.startsWith(Synth.HEADER_PREFIX + " from SynthTest;"), yaml);
    assertTrue(yaml.contains("\nkind: Component\n"), yaml);
  }

  @Test
  void renderingTwiceGivesTheSameBytes() {
    Experiment experiment = Testing.twoTargetExperiment();
    assertEquals(
        Synth.render(SOURCE, List.of(), List.of(experiment)),
        Synth.render(SOURCE, List.of(), List.of(Testing.twoTargetExperiment())));
  }

  @Test
  void writtenYamlReadsBackToTheSameObject() throws IOException {
    Experiment experiment = Testing.twoTargetExperiment();
    String yaml = LabYaml.write(experiment);
    assertEquals(yaml, LabYaml.write(LabYaml.read(yaml, Experiment.class)));
  }

  @Test
  void writeThenDriftFindsNothing() {
    SortedMap<String, String> files =
        Synth.render(SOURCE, List.of(), List.of(Testing.minimalExperiment()));
    List<Drift> written = Synth.write(root, files);
    assertEquals(files.size(), written.size());
    assertTrue(written.stream().allMatch(d -> d.kind() == Drift.Kind.MISSING));
    assertEquals(List.of(), Synth.drift(root, files));
  }

  @Test
  void anEditedFileIsDriftWithADiff() throws IOException {
    SortedMap<String, String> files =
        Synth.render(SOURCE, List.of(), List.of(Testing.minimalExperiment()));
    Synth.write(root, files);
    Path yaml = root.resolve("experiments/minimal/experiment.yaml");
    Files.writeString(
        yaml, Files.readString(yaml).replace("hello-app-validation", "edited-by-hand"));

    List<Drift> drift = Synth.drift(root, files);

    assertEquals(1, drift.size());
    assertEquals(Drift.Kind.CHANGED, drift.get(0).kind());
    String diff = drift.get(0).unifiedDiff();
    assertTrue(diff.contains("-    template: edited-by-hand"), diff);
    assertTrue(diff.contains("+    template: hello-app-validation"), diff);
  }

  @Test
  void generatedFilesNoLongerProducedAreRemovedButHandWrittenOnesStay() throws IOException {
    Synth.write(
        root,
        Synth.render(
            SOURCE,
            List.of(),
            List.of(Testing.minimalExperiment(), Testing.twoTargetExperiment())));
    Path handWritten = root.resolve("experiments/two-targets/notes.yaml");
    Files.writeString(handWritten, "# my notes\n");
    SortedMap<String, String> fewer =
        Synth.render(SOURCE, List.of(), List.of(Testing.minimalExperiment()));

    List<Drift> drift = Synth.drift(root, fewer);
    assertEquals(
        List.of("experiments/two-targets/experiment.yaml"),
        drift.stream().map(Drift::path).toList());
    assertEquals(Drift.Kind.STALE, drift.get(0).kind());

    Synth.write(root, fewer);
    assertFalse(Files.exists(root.resolve("experiments/two-targets/experiment.yaml")));
    assertTrue(Files.exists(handWritten));
    assertEquals(List.of(), Synth.drift(root, fewer));
  }

  @Test
  void emptyFoldersLeftByRemovalsAreRemovedToo() {
    Synth.write(
        root,
        Synth.render(
            SOURCE,
            List.of(),
            List.of(Testing.minimalExperiment(), Testing.twoTargetExperiment())));
    Synth.write(root, Synth.render(SOURCE, List.of(), List.of(Testing.minimalExperiment())));
    assertFalse(Files.exists(root.resolve("experiments/two-targets")));
    assertTrue(Files.exists(root.resolve("experiments/minimal/experiment.yaml")));
  }

  @Test
  void duplicateNamesAreProblems() {
    var problems =
        Synth.validate(
            List.of(Testing.helloAppComponent(), Testing.helloAppComponent()), List.of());
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.isError()
                        && p.path().equals("metadata.name")
                        && p.message().contains("also named \"hello-app\"")),
        problems.toString());
  }

  @Test
  void builtDefinitionsAreCheckedAgainstTheWholeCatalogueOnly() {
    // minimal() deploys hello-app: known with the component, unknown without it
    assertEquals(
        List.of(),
        Synth.validateBuilt(
                List.of(Testing.helloAppComponent()), List.of(Testing.minimalExperiment()))
            .stream()
            .filter(p -> p.isError())
            .toList());
    var problems =
        Synth.validateBuilt(
            List.of(), List.of(Testing.minimalExperiment(), Testing.minimalExperiment()));
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.isError()
                        && p.path().equals("spec.targets[0].components[0].app")
                        && p.message().contains("hello-app")),
        problems.toString());
    assertTrue(
        problems.stream()
            .anyMatch(p -> p.isError() && p.message().contains("also named \"minimal\"")),
        problems.toString());
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = SynthTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing golden file " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
