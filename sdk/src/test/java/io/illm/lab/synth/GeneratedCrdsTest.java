package io.illm.lab.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The build fails when the committed CRDs are not what the model generates. */
class GeneratedCrdsTest {

  /** Surefire runs in the module directory; the CRDs are committed at the repository root. */
  private static final Path COMMITTED = Path.of("..", Crds.FOLDER);

  @Test
  void committedCrdsAreUpToDate() throws IOException {
    for (Map.Entry<String, String> crd : Crds.files().entrySet()) {
      Path file = COMMITTED.getParent().resolve(crd.getKey());
      assertTrue(
          Files.exists(file), file + " is missing: run ./lab synth and commit generated-crds/");
      assertEquals(
          crd.getValue(),
          Files.readString(file, StandardCharsets.UTF_8),
          file + " is stale: the model changed; run ./lab synth and commit generated-crds/");
    }
  }

  @Test
  void theBuildsFinishedFilesAreWhatTheModelMakesAndSynthReadsThem() {
    Map<String, String> made = Crds.made();
    assertEquals(made, Crds.files(), "synth writes what the model makes");
    for (String path : made.keySet()) {
      String name = path.substring(path.lastIndexOf('/') + 1);
      assertTrue(
          Crds.class.getClassLoader().getResource(Crds.BUILT + name) != null,
          Crds.BUILT
              + name
              + " is not on the classpath: the sdk's build runs Crds.main after"
              + " the crd-generator (sdk/pom.xml)");
    }
  }

  @Test
  void printerColumnsReadLikeKubectlGetInTheSeedReadme() {
    JsonNode columns =
        Crds.crd(Experiment.class)
            .path("spec")
            .path("versions")
            .get(0)
            .path("additionalPrinterColumns");
    List<String> names = new ArrayList<>();
    columns.forEach(c -> names.add(c.path("name").asText()));
    assertEquals(
        List.of("Phase", "Targets", "Workflow", "Verdict", "Cleaned", "Results", "Age"), names);
  }

  @Test
  void experimentIsNamespacedWithShortNameExpAndComponentClusterScopedWithComp() {
    JsonNode experiment = Crds.crd(Experiment.class).path("spec");
    JsonNode component = Crds.crd(io.illm.lab.model.Component.class).path("spec");
    assertEquals("Namespaced", experiment.path("scope").asText());
    assertEquals("exp", experiment.path("names").path("shortNames").get(0).asText());
    assertEquals("Cluster", component.path("scope").asText());
    assertEquals("comp", component.path("names").path("shortNames").get(0).asText());
  }
}
