package io.illm.lab.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamSchemasTest {

  private static final Path PLATFORM = LabCheckout.ROOT.resolve("platform/crossplane");
  private static final Path SUBSETS = LabCheckout.ROOT.resolve("operator/src/main/crds");

  @Test
  void anUnknownFieldInAnApplicationIsAProblemWithItsPath() throws IOException {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    JsonNode app =
        LabYaml.readTree(
            """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: x}
        spec:
          project: default
          destination: {name: c, namespace: x}
          sources:
            - repoURL: https://example.org/repo.git
              chartt: typo
        """);
    List<Problem> problems = schemas.check("app", app);
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("spec.sources[0].chartt", problems.get(0).path(), problems.toString());
  }

  @Test
  void aMissingSchemaFileIsAProblemNotACrash(@org.junit.jupiter.api.io.TempDir Path empty)
      throws IOException {
    JsonNode app =
        LabYaml.readTree(
            "apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata: {name: x}\n");
    List<Problem> problems = new UpstreamSchemas(empty, empty).check("app", app);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).message().startsWith("not checked: its schema"), problems.toString());
    JsonNode secret = LabYaml.readTree("apiVersion: v1\nkind: Secret\nmetadata: {name: x}\n");
    assertEquals(
        List.of(),
        new UpstreamSchemas(empty, empty).check("secret", secret),
        "core kinds have no CRD");
  }

  @Test
  void aClaimIsCheckedAgainstTheLabsXrd() throws IOException {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    JsonNode claim =
        LabYaml.readTree(
            """
        apiVersion: illm.io/v1alpha1
        kind: ClusterClaim
        metadata: {name: x}
        spec: {provider: gcp, machineType: e2-medium, nodeCount: 1, compositionSelector: {matchLabels: {provider: gke}}}
        """);
    List<Problem> problems = schemas.check("claim", claim);
    assertEquals(
        List.of("spec.provider"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
  }

  @Test
  void theXrdAndCompositionsMatchCrossplanesSchemas() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    List<Problem> problems = new ArrayList<>();
    for (Path file : LabCheckout.yamlFiles(PLATFORM)) {
      JsonNode document = readTree(file);
      assertTrue(schemas.knows(document), file + " is a kind with an upstream CRD");
      problems.addAll(schemas.check(file.toString(), document));
    }
    assertEquals(List.of(), problems);
  }

  /**
   * Each composed resource, patched from a composite like the ones the operator claims, matches its
   * provider's CRD.
   */
  @Test
  void everyComposedResourceMatchesItsProvidersSchema() throws IOException {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    List<Problem> problems = new ArrayList<>();
    int composed = 0;
    for (String provider : List.of("gke", "eks", "aks")) {
      for (String location : List.of("zone: us-central1-a", "region: somewhere-1")) {
        if (!provider.equals("gke") && location.startsWith("zone")) {
          continue;
        }
        JsonNode composite =
            LabYaml.readTree(
                """
            apiVersion: illm.io/v1alpha1
            kind: XCluster
            metadata: {name: exp-target-abcde, uid: 0b7e1c2a}
            spec: {provider: %s, %s, machineType: m, nodeCount: 3, diskSizeGb: 50, preemptible: true, kubernetesVersion: "1.30"}
            """
                    .formatted(provider, location));
        Path file = PLATFORM.resolve("composition-" + provider + ".yaml");
        for (JsonNode step : readTree(file).path("spec").path("pipeline")) {
          for (JsonNode resource : step.path("input").path("resources")) {
            JsonNode object = CompositionPatches.compose(resource, composite);
            assertTrue(
                schemas.knows(object),
                file
                    + ": no upstream CRD for "
                    + object.path("apiVersion")
                    + " "
                    + object.path("kind"));
            problems.addAll(
                schemas.check(
                    file + " " + resource.path("name").asText() + " (" + location + ")", object));
            composed++;
          }
        }
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(
        15,
        composed,
        "gke zonal and regional 2 each, eks 9 (roles, policies, cluster, nodes, auth), aks 2");
  }

  @Test
  void aComposedResourceWithoutItsRequiredFieldIsAProblem() throws IOException {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    JsonNode resource =
        readTree(PLATFORM.resolve("composition-gke.yaml")).at("/spec/pipeline/0/input/resources/0");
    JsonNode noLocation =
        CompositionPatches.compose(
            resource, LabYaml.readTree("metadata: {uid: u}\nspec: {provider: gke}"));
    List<Problem> problems = schemas.check("gke cluster", noLocation);
    assertEquals(
        List.of("spec.forProvider.location"),
        problems.stream().map(Problem::path).toList(),
        problems.toString());
  }

  @Test
  void everyCompositionSelectsTheXrdsCompositeAndOneProvider() {
    JsonNode xrd = readTree(PLATFORM.resolve("xrd.yaml"));
    List<String> providers = new ArrayList<>();
    xrd.at("/spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/provider/enum")
        .forEach(p -> providers.add(p.asText()));
    for (String provider : providers) {
      JsonNode composition = readTree(PLATFORM.resolve("composition-" + provider + ".yaml"));
      assertEquals(provider, composition.at("/metadata/labels/provider").asText());
      assertEquals("XCluster", composition.at("/spec/compositeTypeRef/kind").asText());
      assertEquals(
          xrd.at("/spec/group").asText() + "/v1alpha1",
          composition.at("/spec/compositeTypeRef/apiVersion").asText());
    }
    assertEquals(List.of("gke", "eks", "aks"), providers);
  }

  /**
   * The hand-written CRD subsets that generate our Java types name only fields the real kinds have.
   */
  @Test
  void everyFieldOfTheCrdSubsetsExistsUpstream() {
    Path upstream = LabCheckout.upstreamOrSkip();
    Map<String, JsonNode> real =
        Map.of(
            "applications.argoproj.io.yaml",
                schemaOf(readTree(upstream.resolve("argo-cd/application-crd.yaml"))),
            "workflows.argoproj.io.yaml",
                schemaOf(readTree(upstream.resolve("argo-workflows/argoproj.io_workflows.yaml"))),
            "workflowtemplates.argoproj.io.yaml",
                schemaOf(
                    readTree(
                        upstream.resolve("argo-workflows/argoproj.io_workflowtemplates.yaml"))),
            "clusterclaims.illm.io.yaml",
                UpstreamSchemas.claimSchema(readTree(PLATFORM.resolve("xrd.yaml")), "v1alpha1"));
    List<String> missing = new ArrayList<>();
    real.forEach(
        (file, schema) ->
            compare(file, "", schemaOf(readTree(SUBSETS.resolve(file))), schema, missing));
    assertEquals(List.of(), missing);
  }

  /**
   * The adapter can set every field of the lab's claim: the XRD's spec has no field the subset
   * lacks.
   */
  @Test
  void theClaimSubsetHasEveryFieldOfTheXrdsSpec() {
    JsonNode xrdSpec =
        readTree(PLATFORM.resolve("xrd.yaml"))
            .at("/spec/versions/0/schema/openAPIV3Schema/properties/spec");
    JsonNode subsetSpec =
        schemaOf(readTree(SUBSETS.resolve("clusterclaims.illm.io.yaml"))).at("/properties/spec");
    List<String> missing = new ArrayList<>();
    compare("clusterclaims.illm.io.yaml lacks", "spec", xrdSpec, subsetSpec, missing);
    assertEquals(List.of(), missing);
  }

  @Test
  void theSubsetComparisonNoticesAFieldUpstreamDoesNotHave() {
    JsonNode ours =
        LabYaml.json()
            .createObjectNode()
            .set(
                "properties",
                LabYaml.json()
                    .createObjectNode()
                    .set("spec", LabYaml.json().createObjectNode().put("type", "string")));
    ObjectNode theirs = LabYaml.json().createObjectNode();
    theirs.putObject("properties");
    List<String> missing = new ArrayList<>();
    compare("f", "", ours, theirs, missing);
    assertEquals(List.of("f: spec"), missing);
    assertFalse(missing.isEmpty());
  }

  private static void compare(
      String file, String path, JsonNode ours, JsonNode theirs, List<String> missing) {
    if (ours.has("items")) {
      compare(file, path + "[]", ours.path("items"), theirs.path("items"), missing);
    }
    ours.path("properties")
        .properties()
        .forEach(
            field -> {
              String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
              JsonNode theirField = theirs.path("properties").path(field.getKey());
              if (theirField.isMissingNode()) {
                missing.add(file + ": " + fieldPath);
                return;
              }
              String ourType = field.getValue().path("type").asText();
              String theirType = theirField.path("type").asText();
              if (!ourType.equals(theirType)
                  && !(ourType.equals("integer") && theirType.equals("number"))) {
                missing.add(
                    file
                        + ": "
                        + fieldPath
                        + " is "
                        + theirType
                        + " upstream, "
                        + ourType
                        + " here");
              }
              compare(file, fieldPath, field.getValue(), theirField, missing);
            });
  }

  private static JsonNode schemaOf(JsonNode crd) {
    return crd.at("/spec/versions/0/schema/openAPIV3Schema");
  }

  private static JsonNode readTree(Path file) {
    try {
      return LabYaml.readTrustedTree(Files.readString(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
