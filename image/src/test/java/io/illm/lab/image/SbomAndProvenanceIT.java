package io.illm.lab.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SBOM and the provenance describe this image: its digest, and every file it took in. */
class SbomAndProvenanceIT {

  static BuiltImage image;
  static JsonNode sbom;
  static JsonNode provenance;

  @BeforeAll
  static void read() throws IOException {
    image = BuiltImage.ofBuild();
    sbom = OciLayout.JSON.readTree(image.sbom().toFile());
    provenance = OciLayout.JSON.readTree(image.provenance().toFile());
  }

  @Test
  void theSbomIsCycloneDxForTheImageByDigest() {
    assertEquals("CycloneDX", sbom.path("bomFormat").asText());
    JsonNode component = sbom.path("metadata").path("component");
    assertEquals("container", component.path("type").asText());
    assertEquals(
        image.digest.substring(7), component.path("hashes").path(0).path("content").asText());
    assertTrue(sbom.path("serialNumber").asText().startsWith("urn:uuid:"));
  }

  @Test
  void theSbomListsTheJavaLibrariesAndTheDebianPackagesButNothingOfTheBuildOrTheTests() {
    Set<String> purls = new HashSet<>();
    sbom.path("components").forEach(c -> purls.add(c.path("purl").asText()));
    for (String expected :
        new String[] {
          "pkg:maven/io.fabric8/kubernetes-client@7.5.2",
          "pkg:maven/io.javaoperatorsdk/operator-framework-core@5.2.3",
          "pkg:maven/software.amazon.awssdk/s3@2.57.8",
          "pkg:deb/debian/libc6@",
          "pkg:deb/debian/zlib1g@",
          "pkg:deb/debian/openjdk-17-jdk-headless@"
        }) {
      assertTrue(purls.stream().anyMatch(p -> p.startsWith(expected)), expected + " in " + purls);
    }
    for (String absent :
        new String[] {"junit", "commons-compress", "kubernetes-server-mock", "s3proxy"}) {
      assertFalse(purls.stream().anyMatch(p -> p.contains("/" + absent + "@")), absent);
    }
  }

  @Test
  void everyJarInTheImageIsInTheSbomAndTheProvenanceWithItsSha256() throws IOException {
    Map<String, String> sbomHashes = new HashMap<>();
    for (JsonNode c : sbom.path("components")) {
      for (JsonNode h : c.path("hashes")) {
        if (h.path("alg").asText().equals("SHA-256")) {
          sbomHashes.put(h.path("content").asText(), c.path("purl").asText());
        }
      }
    }
    Map<String, String> materials = new HashMap<>();
    for (JsonNode d :
        provenance.path("predicate").path("buildDefinition").path("resolvedDependencies")) {
      materials.put(d.path("name").asText(), d.path("digest").path("sha256").asText());
    }
    int jars = 0;
    for (BuiltImage.Entry e : image.layer(2)) {
      if (!e.header().isFile() || e.header().isSymbolicLink()) {
        continue;
      }
      jars++;
      String sha = OciLayout.sha256(e.content()).substring(7);
      assertNotNull(sbomHashes.get(sha), e.path() + " (sha256 " + sha + ") in the SBOM");
      String file = e.path().substring(e.path().lastIndexOf('/') + 1);
      assertEquals(sha, materials.get(file), file + " in the provenance");
    }
    assertTrue(jars > 50, "the dependencies layer holds the libraries: " + jars);
    for (BuiltImage.Entry e : image.layer(0)) {
      if (e.header().isFile() && !e.header().isSymbolicLink() && e.path().contains(".so")) {
        assertEquals(
            OciLayout.sha256(e.content()).substring(7),
            materials.get("/" + e.path()),
            e.path() + " in the provenance");
      }
    }
  }

  @Test
  void theProvenanceIsAnInTotoStatementOfTheImageFromItsCommit() {
    assertEquals("https://in-toto.io/Statement/v1", provenance.path("_type").asText());
    assertEquals("https://slsa.dev/provenance/v1", provenance.path("predicateType").asText());
    assertEquals(
        image.digest.substring(7),
        provenance.path("subject").path(0).path("digest").path("sha256").asText());
    JsonNode definition = provenance.path("predicate").path("buildDefinition");
    String revision =
        image
            .config
            .path("config")
            .path("Labels")
            .path("org.opencontainers.image.revision")
            .asText();
    assertEquals(
        revision,
        definition.path("resolvedDependencies").path(0).path("digest").path("gitCommit").asText());
    assertTrue(definition.path("externalParameters").path("command").asText().startsWith("./mvnw"));
    assertFalse(
        provenance.toString().contains(System.getProperty("user.home")), "no machine paths");
  }
}
