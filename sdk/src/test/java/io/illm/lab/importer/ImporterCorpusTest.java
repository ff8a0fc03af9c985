package io.illm.lab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Imports the original lab's 54 files: nothing fails, and nothing is dropped without a word. */
class ImporterCorpusTest {

  private static List<Path> files;
  private static ImportResult result;

  @BeforeAll
  static void importTheCorpus() {
    files = Corpus.files();
    result = Importer.read(files, null);
  }

  @Test
  void everyFileImportsWithoutErrors() {
    assertEquals(54, files.size(), () -> "corpus files: " + files);
    assertFalse(result.hasErrors(), () -> Imports.render(result.problems()));
    assertEquals(
        files.stream().map(Path::toString).toList(),
        result.imported().stream().map(Imported::file).toList());
  }

  @Test
  void everyObjectHasTheKindAndNameItsFileSays() {
    Map<String, String> expectedIds = new TreeMap<>();
    for (Path file : files) {
      String base = file.getFileName().toString().replaceFirst("\\.yaml$", "");
      if (file.getParent().getFileName().toString().equals("components")) {
        expectedIds.put(file.toString(), "Component/" + base.substring(base.indexOf("--") + 2));
      } else {
        expectedIds.put(file.toString(), "Experiment/" + generatedName(file));
      }
    }
    Map<String, String> actualIds = new TreeMap<>();
    for (Imported imported : result.imported()) {
      HasMetadata object = imported.object();
      String kind =
          object instanceof Experiment
              ? "Experiment"
              : object instanceof Component ? "Component" : "?";
      actualIds.put(imported.file(), kind + "/" + object.getMetadata().getName());
    }
    assertEquals(expectedIds, actualIds);
    assertEquals(
        "Experiment/hello-app",
        actualIds.get(Corpus.root().resolve("experiments/hello-app.yaml").toString()));
    assertEquals(
        "Experiment/db-dsc",
        actualIds.get(Corpus.root().resolve("experiments/db-disk-comparison.yaml").toString()));
  }

  @Test
  void everyFieldOfTheInputIsCarriedOrReported() throws IOException {
    List<String> dropped = new ArrayList<>();
    for (Imported imported : result.imported()) {
      JsonNode input = LabYaml.readTree(Files.readString(Path.of(imported.file())));
      JsonNode output = LabYaml.readTree(LabYaml.write(imported.object()));
      List<String> reported =
          result.problems().stream()
              .filter(p -> p.file().equals(imported.file()))
              .map(Problem::path)
              .toList();
      dropped.addAll(
          LeafCheck.droppedSilently(input, output, reported).stream()
              .map(path -> imported.file() + ": " + path)
              .toList());
    }
    assertEquals(List.of(), dropped);
  }

  @Test
  void everyFieldCheckFindsAFieldDroppedWithoutAWarning() throws IOException {
    // The check above must be able to fail: hide one warning and one carried field.
    JsonNode input =
        LabYaml.readTree(
            "spec:\n  series: s\n  title: t\n  targets:\n    - cluster:\n        type: gke\n");
    JsonNode output =
        LabYaml.readTree("spec:\n  targets:\n    - cluster:\n        provider: gke\n");

    assertEquals(
        List.of("spec.series", "spec.title"), LeafCheck.droppedSilently(input, output, List.of()));
    assertEquals(
        List.of("spec.title"), LeafCheck.droppedSilently(input, output, List.of("spec.series")));
  }

  @Test
  void everyFieldCheckComparesValuesAfterTheDocumentedRenames() throws IOException {
    JsonNode input =
        LabYaml.readTree(
            "spec:\n  qualityGate:\n    recollectDelaySeconds: 120\n  publish: \"true\"\n"
                + "  hypothesis:\n    successCriteria:\n      - value: \"0.5\"\n");

    assertEquals(
        List.of(),
        LeafCheck.droppedSilently(
            input,
            LabYaml.readTree(
                "spec:\n  qualityGate:\n    recollectDelay: 2m\n  publish: \"true\"\n  hypothesis:\n    successCriteria:\n      - value: 0.5\n"),
            List.of()));
    assertEquals(
        List.of(
            "spec.qualityGate.recollectDelaySeconds",
            "spec.publish",
            "spec.hypothesis.successCriteria[0].value"),
        LeafCheck.droppedSilently(
            input,
            LabYaml.readTree(
                "spec:\n  qualityGate:\n    recollectDelay: 3m\n  publish: true\n  hypothesis:\n    successCriteria:\n      - value: 5\n"),
            List.of()));
  }

  @Test
  void importingTheOutputAgainGivesTheSameYaml() {
    List<String> changed = new ArrayList<>();
    for (Imported imported : result.imported()) {
      String once = LabYaml.write(imported.object());
      ImportResult again = Importer.read(imported.file(), once);
      assertFalse(again.hasErrors(), () -> Imports.render(again.problems()));
      // Validation warnings (e.g. a shortened cluster name) come back each time; import's own notes
      // must not.
      List<String> first =
          result.problems().stream()
              .filter(p -> p.file().equals(imported.file()))
              .map(p -> p.path() + ": " + p.message())
              .toList();
      assertTrue(
          again.problems().stream()
              .allMatch(
                  p ->
                      p.message().contains("is not among the imported files")
                          || first.contains(p.path() + ": " + p.message())),
          () -> "our own output must need no notes:\n" + Imports.render(again.problems()));
      if (!once.equals(LabYaml.write(again.objects().get(0)))) {
        changed.add(imported.file());
      }
    }
    assertEquals(List.of(), changed);
  }

  private static String generatedName(Path file) {
    try {
      Matcher matcher = Pattern.compile("generateName: (\\S+)-").matcher(Files.readString(file));
      assertTrue(matcher.find(), file::toString);
      return matcher.group(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
