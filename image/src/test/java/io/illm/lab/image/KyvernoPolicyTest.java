package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.validate.UpstreamSchemas;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * platform/kyverno's ClusterPolicy: valid against Kyverno's own CRD schema, and tied to what the
 * lab makes: the image name the manifests use, the predicate types and build type the build
 * attests, and fields the Experiment CRD has and the lab's own experiments fill.
 */
class KyvernoPolicyTest {

  static final Path POLICY = Tools.ROOT.resolve("platform/kyverno/illm-lab-policy.yaml");
  static JsonNode policy;

  @BeforeAll
  static void read() throws IOException {
    policy = LabYaml.readTrustedTree(Files.readString(POLICY));
  }

  static JsonNode rule(String name) {
    for (JsonNode rule : policy.path("spec").path("rules")) {
      if (rule.path("name").asText().equals(name)) {
        return rule;
      }
    }
    throw new AssertionError("no rule " + name);
  }

  @Test
  void thePolicyPassesKyvernosClusterPolicySchema() {
    UpstreamSchemas schemas = LabCheckout.schemasOrSkip();
    assertTrue(schemas.knows(policy));
    List<Problem> problems = schemas.check("illm-lab-policy.yaml", policy);
    assertTrue(problems.isEmpty(), problems.toString());
  }

  @Test
  void itVerifiesTheImageTheManifestsRunWithTheAttestationsTheBuildMakes() throws IOException {
    JsonNode verify = rule("operator-image-is-signed-and-attested").path("verifyImages").path(0);
    JsonNode kustomization =
        LabYaml.readTrustedTree(
            Files.readString(Tools.ROOT.resolve("platform/operator/kustomization.yaml")));
    String image = kustomization.path("images").path(0).path("newName").asText();
    assertEquals(image + "*", verify.path("imageReferences").path(0).asText());
    assertTrue(verify.path("required").asBoolean() && verify.path("verifyDigest").asBoolean());
    assertEquals("Enforce", verify.path("failureAction").asText());

    Set<String> types = new HashSet<>();
    Set<String> keys = new HashSet<>();
    keys.add(key(verify.path("attestors")));
    for (JsonNode attestation : verify.path("attestations")) {
      types.add(attestation.path("type").asText());
      keys.add(key(attestation.path("attestors")));
    }
    // the types cosign attest --type cyclonedx / slsaprovenance1 writes (SigningIT)
    assertEquals(Set.of("https://cyclonedx.org/bom", "https://slsa.dev/provenance/v1"), types);
    assertEquals(1, keys.size(), "one key signs the image and both attestations");
    assertTrue(keys.iterator().next().startsWith("-----BEGIN PUBLIC KEY-----"));
    JsonNode condition =
        verify.path("attestations").path(1).path("conditions").path(0).path("all").path(0);
    assertEquals(ImageProvenance.BUILD_TYPE, condition.path("value").asText());
    assertEquals("{{ buildDefinition.buildType }}", condition.path("key").asText());
  }

  @Test
  void theKeyPlaceholderIsDocumented() throws IOException {
    Path release = Tools.ROOT.resolve("docs/release.md");
    assertTrue(
        Files.readString(release).contains("## The signing key"),
        "docs/release.md explains the key");
  }

  @Test
  void experimentsMustCarryFieldsTheirCrdHasAndTheLabsOwnExperimentsFill() throws IOException {
    JsonNode rule = rule("experiments-carry-a-budget-and-a-deadline");
    assertEquals(
        "experiments.illm.io/v1alpha1/Experiment",
        rule.path("match").path("any").path(0).path("resources").path("kinds").path(0).asText());
    JsonNode crd =
        LabYaml.readTrustedTree(
            Files.readString(
                Tools.ROOT.resolve("generated-crds/experiments.experiments.illm.io.yaml")));
    JsonNode schema =
        crd.path("spec").path("versions").path(0).path("schema").path("openAPIV3Schema");
    List<List<String>> paths = new ArrayList<>();
    leaves(rule.path("validate").path("pattern"), new ArrayList<>(), paths);
    assertEquals(
        List.of(List.of("spec", "budget", "maxUSD"), List.of("spec", "deadlines", "total")), paths);
    for (List<String> path : paths) {
      JsonNode node = schema;
      for (String field : path) {
        node = node.path("properties").path(field);
        assertFalse(node.isMissingNode(), "the Experiment CRD has " + String.join(".", path));
      }
    }
    List<Path> experiments = LabCheckout.experiments();
    assertFalse(experiments.isEmpty());
    for (Path file : experiments) {
      JsonNode experiment = LabYaml.readTrustedTree(Files.readString(file));
      for (List<String> path : paths) {
        JsonNode node = experiment;
        for (String field : path) {
          node = node.path(field);
        }
        assertFalse(node.isMissingNode() || node.isNull(), file + " has " + String.join(".", path));
      }
    }
  }

  private static void leaves(JsonNode node, List<String> prefix, List<List<String>> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> path = new ArrayList<>(prefix);
      path.add(e.getKey());
      if (e.getValue().isObject()) {
        leaves(e.getValue(), path, out);
      } else {
        out.add(path);
      }
    }
  }

  private static String key(JsonNode attestors) {
    return attestors.path(0).path("entries").path(0).path("keys").path("publicKeys").asText();
  }
}
