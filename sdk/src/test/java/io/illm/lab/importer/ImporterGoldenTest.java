package io.illm.lab.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden files for four corpus files: the normalised YAML, preceded by the notes as comments.
 * Regenerate with {@code ./mvnw -pl sdk test -Dtest=ImporterGoldenTest -Dgolden.update=true} and
 * review the diff.
 */
class ImporterGoldenTest {

  private static final Path GOLDEN = Path.of("src/test/resources/io/illm/lab/importer");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "experiments/hello-app.yaml",
        "experiments/tsdb-comparison.yaml",
        "components/observability--kube-prometheus-stack.yaml",
        "components/observability--metrics-agent.yaml"
      })
  void importMatchesTheGoldenFile(String corpusFile) throws IOException {
    Path input = Corpus.root().resolve(corpusFile);
    String name =
        input.getFileName().toString().replaceFirst("^[a-z]+--", "").replaceFirst("\\.yaml$", "");
    // The file is named as in the original repository, so the golden file does not hold a local
    // path.
    String file =
        (corpusFile.startsWith("experiments/")
            ? "experiments/" + name + "/experiment.yaml"
            : "components/"
                + corpusFile.substring("components/".length(), corpusFile.indexOf("--"))
                + "/"
                + name
                + "/component.yaml");
    ImportResult result = Importer.read(file, Files.readString(input));
    assertFalse(result.hasErrors(), () -> Imports.render(result.problems()));

    String actual = render(result);
    Path golden = GOLDEN.resolve(name + ".out.yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden), actual);
  }

  private static String render(ImportResult result) {
    StringBuilder out = new StringBuilder();
    List<Problem> problems = result.problems();
    for (Problem problem : problems) {
      out.append("# ").append(problem.inFile("")).append('\n');
    }
    out.append(LabYaml.write(result.objects().get(0)));
    return out.toString();
  }
}
