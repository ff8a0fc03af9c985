package io.illm.lab.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Provider;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RendererTest {

  /**
   * Set -Dgolden.update=true to rewrite the golden files from the current output (then review the
   * diff).
   */
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  private static final Path GOLDEN = Path.of("src/test/resources/io/illm/lab/cli/render");

  private final Renderer renderer = new Renderer(Placement.DEFAULT);

  @Test
  void helloAppMatchesItsGoldenFile() throws IOException {
    Experiment hello =
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    assertGolden("hello-app.out.yaml", renderer.render(hello, LabCheckout.catalogue()));
  }

  @Test
  void twoTargetsOnGkeAndEksMatchTheirGoldenFile() throws IOException {
    Experiment two = LabCheckout.experiment(GOLDEN.resolve("two-targets.yaml"));
    assertGolden("two-targets.out.yaml", renderer.render(two, LabCheckout.catalogue()));
  }

  @Test
  void objectsComeInTheOrderTheyAreCreatedAndDependsIsHonoured() {
    Experiment two = LabCheckout.experiment(GOLDEN.resolve("two-targets.yaml"));
    List<HasMetadata> objects = renderer.render(two, LabCheckout.catalogue()).objects();
    List<String> order =
        objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).toList();
    List<String> components =
        objects.stream()
            .map(o -> o.getMetadata().getLabels().getOrDefault("experiments.illm.io/component", ""))
            .toList();
    int serverApp = components.indexOf("victoria-metrics");
    int loadApp = components.indexOf("metrics-app");
    assertTrue(serverApp >= 0 && serverApp < loadApp, "load depends on server: " + order);
    assertEquals("Workflow", order.get(order.size() - 1).split("/")[0], order.toString());
    assertEquals(
        2, order.stream().filter(n -> n.startsWith("ClusterClaim/")).count(), order.toString());
  }

  @Test
  void aHubTargetCreatesNoClaimAndNoClusterSecret() {
    Experiment hello =
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    hello.getSpec().getTargets().get(0).getCluster().setProvider(Provider.HUB);
    hello.getSpec().getTargets().get(0).getCluster().setPreemptible(null);
    hello.getSpec().getTargets().get(0).setObservability(null);
    Rendering rendering = renderer.render(hello, LabCheckout.catalogue());
    List<String> kinds = rendering.objects().stream().map(HasMetadata::getKind).toList();
    assertEquals(List.of("Application", "Workflow"), kinds);
    assertEquals(Optional.empty(), rendering.failure());
  }

  @Test
  void aManualRunRendersToCompleteToo() {
    Experiment hello =
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    hello.getSpec().getWorkflow().getCompletion().setMode(io.illm.lab.model.CompletionMode.MANUAL);
    Rendering rendering = renderer.render(hello, LabCheckout.catalogue());
    assertEquals(Optional.empty(), rendering.failure());
    assertEquals("Workflow", rendering.objects().get(rendering.objects().size() - 1).getKind());
  }

  @Test
  void anUnknownComponentIsReportedAsTheLifecycleFailure() {
    Experiment hello =
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    hello.getSpec().getTargets().get(0).getComponents().get(0).setApp("no-such-app");
    Rendering rendering = renderer.render(hello, LabCheckout.catalogue());
    assertTrue(
        rendering.failure().orElse("").contains("no-such-app"), rendering.failure().toString());
    assertEquals(List.of(), rendering.objects());
  }

  @Test
  void secretValuesAreRedactedInTheDocuments() {
    Experiment hello =
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    JsonNode secret =
        renderer.render(hello, LabCheckout.catalogue()).documents().stream()
            .filter(d -> d.path("kind").asText().equals("Secret"))
            .findFirst()
            .orElseThrow();
    secret.path("stringData").forEach(v -> assertEquals(Rendering.REDACTED, v.asText()));
    assertEquals(3, secret.path("stringData").size());
  }

  /**
   * Conformance: every object of every experiment in experiments/ validates against its upstream
   * CRD.
   */
  @Test
  void everyRenderedObjectOfEveryExperimentMatchesItsUpstreamSchema() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    List<Problem> problems = new ArrayList<>();
    int checked = 0;
    List<Path> experiments = new ArrayList<>(LabCheckout.experiments());
    experiments.add(GOLDEN.resolve("two-targets.yaml"));
    for (Path file : experiments) {
      Rendering rendering = renderer.render(LabCheckout.experiment(file), LabCheckout.catalogue());
      assertEquals(Optional.empty(), rendering.failure(), file.toString());
      for (JsonNode document : rendering.documents()) {
        checked += schemas.knows(document) ? 1 : 0;
        problems.addAll(schemas.check(file + " " + document.path("kind").asText(), document));
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(checked >= 4 * 3, "checked " + checked + " objects");
  }

  private static void assertGolden(String name, Rendering rendering) throws IOException {
    assertEquals(Optional.empty(), rendering.failure());
    StringBuilder text = new StringBuilder();
    rendering.documents().forEach(d -> text.append("---\n").append(LabYaml.write(d)));
    Path file = GOLDEN.resolve(name);
    if (UPDATE || !Files.exists(file)) {
      Files.writeString(file, text.toString());
    }
    assertEquals(
        Files.readString(file),
        text.toString(),
        "rendered objects differ from "
            + file
            + " (rerun with -Dgolden.update=true if the change is intended, and review the diff)");
  }
}
