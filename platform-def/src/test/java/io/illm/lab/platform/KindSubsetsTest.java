package io.illm.lab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The CRD subsets the hub's Java types are generated from (platform-def/src/main/crds) hold only
 * fields the upstream CRD has, of the same type: a field invented or misplaced in a subset would
 * otherwise be a typed setter that writes what no controller reads.
 */
class KindSubsetsTest {

  private static final Path SUBSETS = Path.of("src/main/crds");

  @Test
  void everySubsetFieldIsInItsUpstreamCrdWithTheSameType() throws IOException {
    Map<String, JsonNode> upstream = upstreamByName(LabCheckout.upstreamOrSkip());
    List<String> problems = new ArrayList<>();
    List<Path> subsets;
    try (Stream<Path> files = Files.list(SUBSETS)) {
      subsets = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
    assertFalse(subsets.isEmpty(), "no subsets under " + SUBSETS.toAbsolutePath());
    for (Path file : subsets) {
      JsonNode subset = LabYaml.readTrustedTree(Files.readString(file));
      String name = subset.at("/metadata/name").asText();
      JsonNode real = upstream.get(name);
      if (real == null) {
        problems.add(file.getFileName() + ": no upstream CRD " + name);
        continue;
      }
      for (JsonNode version : subset.at("/spec/versions")) {
        JsonNode match = version(real, version.path("name").asText());
        String at = file.getFileName() + " " + version.path("name").asText();
        if (match == null) {
          problems.add(at + ": upstream serves no such version");
          continue;
        }
        compare(
            at + " ",
            version.at("/schema/openAPIV3Schema"),
            match.at("/schema/openAPIV3Schema"),
            problems);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void anInventedFieldIsFound() throws IOException {
    JsonNode subset =
        LabYaml.readTrustedTree(
            "type: object\nproperties: {spec: {type: object, properties: {pakage: {type: string}}}}");
    JsonNode real =
        LabYaml.readTrustedTree(
            "type: object\nproperties: {spec: {type: object, properties: {package: {type: string}}}}");
    List<String> problems = new ArrayList<>();
    compare("x ", subset, real, problems);
    assertEquals(List.of("x spec.pakage: not in the upstream schema"), problems);
  }

  /** Every property, item and map value of {@code subset} against {@code real}, by path. */
  static void compare(String at, JsonNode subset, JsonNode real, List<String> problems) {
    String path = at.endsWith(" ") ? at : at + ".";
    if (real.path("x-kubernetes-preserve-unknown-fields").asBoolean()
        && !real.has("properties")
        && !real.has("items")) {
      return; // upstream takes any value here
    }
    String type = subset.path("type").asText("");
    String realType = real.path("type").asText("");
    if (!type.isEmpty()
        && !realType.isEmpty()
        && !type.equals(realType)
        && !real.path("x-kubernetes-int-or-string").asBoolean()) {
      problems.add(at.strip() + ": " + type + " here, " + realType + " upstream");
    }
    subset
        .path("properties")
        .properties()
        .forEach(
            e -> {
              JsonNode match = real.path("properties").get(e.getKey());
              if (match == null) {
                problems.add(path + e.getKey() + ": not in the upstream schema");
              } else {
                compare(path + e.getKey(), e.getValue(), match, problems);
              }
            });
    if (subset.has("items")) {
      compare(at.strip() + "[]", subset.path("items"), real.path("items"), problems);
    }
    if (subset.path("additionalProperties").isObject()) {
      compare(
          at.strip() + "{}",
          subset.path("additionalProperties"),
          real.path("additionalProperties"),
          problems);
    }
  }

  private static JsonNode version(JsonNode crd, String name) {
    for (JsonNode version : crd.at("/spec/versions")) {
      if (version.path("name").asText().equals(name)) {
        return version;
      }
    }
    return null;
  }

  /** Every upstream CRD by its metadata.name. */
  private static Map<String, JsonNode> upstreamByName(Path upstream) throws IOException {
    Map<String, JsonNode> byName = new HashMap<>();
    try (Stream<Path> files = Files.walk(upstream)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        JsonNode crd = LabYaml.readTrustedTree(Files.readString(file));
        byName.put(crd.at("/metadata/name").asText(), crd);
      }
    }
    return byName;
  }
}
