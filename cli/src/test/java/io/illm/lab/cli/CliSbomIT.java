package io.illm.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The CLI's CycloneDX SBOM, made at package: what ./lab runs on, nothing of its tests. */
class CliSbomIT {

  @Test
  void theSbomListsTheClisLibrariesAndNoneOfItsTestsAndIsReproducible() throws IOException {
    JsonNode bom = new ObjectMapper().readTree(Path.of(System.getProperty("cli.sbom")).toFile());
    assertEquals("CycloneDX", bom.path("bomFormat").asText());
    assertEquals("illm-lab-cli", bom.path("metadata").path("component").path("name").asText());
    Set<String> names = new HashSet<>();
    bom.path("components").forEach(c -> names.add(c.path("name").asText()));
    for (String expected :
        new String[] {
          "picocli", "illm-lab-operator", "illm-lab-hub", "illm-lab-sdk", "kubernetes-client"
        }) {
      assertTrue(names.contains(expected), expected + " in " + names);
    }
    for (String test : new String[] {"junit-jupiter-api", "archunit", "quicktheories", "s3proxy"}) {
      assertFalse(names.contains(test), test);
    }
    // a name-based serial number and no time: the same build gives the same bytes
    assertTrue(
        bom.path("serialNumber").asText().matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-3.*"),
        bom.path("serialNumber").asText());
    assertTrue(bom.path("metadata").path("timestamp").isMissingNode());
  }
}
