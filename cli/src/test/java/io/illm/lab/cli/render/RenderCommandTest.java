package io.illm.lab.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void labListsRenderAsOneOfItsCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().contains("render"), out.toString());
  }

  @Test
  void anExperimentNameRendersEveryObjectWithSecretsRedacted() {
    assertEquals(
        0, run("render", "hello-app", "--root", LabCheckout.ROOT.toString()), err.toString());
    String yaml = out.toString();
    assertEquals(6, yaml.split("(?m)^---$").length - 1, yaml);
    assertTrue(yaml.contains("kind: Secret"), yaml);
    assertTrue(yaml.contains("config: <redacted>"), yaml);
    assertFalse(yaml.contains("tlsClientConfig"), "no secret value is printed");
  }

  @Test
  void theYamlStartsWithTheCostEstimate() {
    assertEquals(
        0, run("render", "hello-app", "--root", LabCheckout.ROOT.toString()), err.toString());
    List<String> comments = out.toString().lines().takeWhile(l -> l.startsWith("#")).toList();

    // hello-app: one spot e2-medium, the system node, the control plane; 1h total, 30m retention on
    // failure
    assertEquals(
        "# cost: at most $0.2153 (spec.budget.maxUSD $2.00) = $0.1436/h for at most 1h30m"
            + " (the smaller of the total deadline and the phase deadlines, plus the longest retention)",
        comments.get(0));
    assertEquals(
        "#   app: $0.1436/h (1 x e2-medium spot + 1 x e2-medium system + control plane)",
        comments.get(1));
    assertTrue(
        comments.get(2).startsWith("#   prices: list prices for us-central1"), comments.get(2));
  }

  @Test
  void jsonOutputIsOneObjectForScripts() throws Exception {
    Path file = LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml");
    assertEquals(
        0,
        run("render", file.toString(), "--output", "json", "--root", LabCheckout.ROOT.toString()));
    JsonNode json = LabYaml.json().readTree(out.toString());
    List<String> kinds = new ArrayList<>();
    json.path("objects").forEach(o -> kinds.add(o.path("kind").asText()));
    // hello-app observes its target: the metrics backhaul (two Applications) comes before
    // hello-app.
    assertEquals(
        List.of("ClusterClaim", "Secret", "Application", "Application", "Application", "Workflow"),
        kinds);
    assertTrue(json.path("valid").asBoolean(), out.toString());
    assertEquals(0.215331, json.path("cost").path("estimatedUSD").asDouble(), 1e-6);
    assertEquals("1h30m", json.path("cost").path("longest").asText());
    assertEquals(2.0, json.path("cost").path("budgetUSD").asDouble());
    assertEquals(
        "1 x e2-medium spot + 1 x e2-medium system + control plane",
        json.path("cost").path("perTarget").path("app").path("detail").asText());
  }

  @Test
  void anUnknownExperimentIsInvalidInputListingTheKnownOnes() {
    assertEquals(2, run("render", "no-such-experiment", "--root", LabCheckout.ROOT.toString()));
    assertTrue(err.toString().matches("(?s).*known: [a-z0-9, -]*hello-app.*"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void aMisspeltExperimentSuggestsTheClosestName() {
    assertEquals(2, run("render", "helo-app", "--root", LabCheckout.ROOT.toString()));
    assertTrue(
        err.toString().startsWith("render: no experiment helo-app; did you mean hello-app?"),
        err.toString());
  }

  @Test
  void anInvalidExperimentPrintsItsProblemsAndExitsTwo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(
        file,
        """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Experiment
        metadata:
          name: bad
        spec:
          targets:
            - name: app
              cluster: {provider: gke}
              components:
                - app: no-such-component
          workflow:
            template: t
        """);
    assertEquals(2, run("render", file.toString(), "--root", LabCheckout.ROOT.toString()));
    assertTrue(err.toString().contains("spec.targets[0].components[0]"), err.toString());
    assertTrue(err.toString().contains("no-such-component"), err.toString());
    assertEquals("", out.toString(), "nothing is rendered for an invalid experiment");
  }

  @Test
  void aFileWithoutAnExperimentExitsTwo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("empty.yaml");
    Files.writeString(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
    assertEquals(2, run("render", file.toString(), "--root", LabCheckout.ROOT.toString()));
    assertTrue(err.toString().contains("expected one Experiment, found 0"), err.toString());
  }

  @Test
  void aMissingCatalogueFolderIsInvalidInput(@TempDir Path dir) {
    assertEquals(
        2,
        run(
            "render",
            "hello-app",
            "--root",
            LabCheckout.ROOT.toString(),
            "--catalogue",
            dir.resolve("nope").toString()));
    assertTrue(err.toString().contains("not a folder"), err.toString());
  }

  @Test
  void anObjectThatBreaksItsSchemaExitsTwo(@TempDir Path schemas) throws Exception {
    Path upstream = LabCheckout.upstreamOrSkip();
    // An Argo CD schema without `sources`: every rendered Application now has an unknown field.
    Path crd = schemas.resolve("argo-cd/application-crd.yaml");
    Files.createDirectories(crd.getParent());
    Files.writeString(
        crd,
        Files.readString(upstream.resolve("argo-cd/application-crd.yaml"))
            .replaceFirst("(?m)^              sources:$", "              sourcesRenamed:"));
    Path workflows = schemas.resolve("argo-workflows/argoproj.io_workflows.yaml");
    Files.createDirectories(workflows.getParent());
    Files.copy(upstream.resolve("argo-workflows/argoproj.io_workflows.yaml"), workflows);
    assertEquals(
        2,
        run(
            "render",
            "hello-app",
            "--root",
            LabCheckout.ROOT.toString(),
            "--schemas",
            schemas.toString()));
    assertTrue(
        err.toString()
            .contains("Application argocd/hello-app-app-hello-app: spec.sources: unknown field"),
        err.toString());
  }

  private int run(String... args) {
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }
}
