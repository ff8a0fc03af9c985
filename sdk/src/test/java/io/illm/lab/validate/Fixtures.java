package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Component;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Inputs shared by the validate tests: a valid experiment and a small component catalogue. */
final class Fixtures {

  private static final ObjectNode VALID = (ObjectNode) documents("valid-experiment.yaml").get(0);
  private static final ComponentCatalogue CATALOGUE = catalogueOf(documents("catalogue.yaml"));

  private Fixtures() {}

  /** A fresh copy of valid-experiment.yaml, to edit. */
  static ObjectNode validExperiment() {
    return VALID.deepCopy();
  }

  /**
   * kube-prometheus-stack (Helm), hello-app (Git), k6-load (workflow), metrics-agent (values ref).
   */
  static ComponentCatalogue catalogue() {
    return CATALOGUE;
  }

  static ObjectNode component(String name) {
    for (JsonNode document : documents("catalogue.yaml")) {
      if (document.path("metadata").path("name").asText().equals(name)) {
        return (ObjectNode) document;
      }
    }
    throw new IllegalArgumentException(name);
  }

  static String resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> documents(String name) {
    try {
      return LabYaml.reader()
          .readerFor(JsonNode.class)
          .<JsonNode>readValues(resource(name))
          .readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ComponentCatalogue catalogueOf(List<JsonNode> documents) {
    List<Component> components = new ArrayList<>();
    for (JsonNode document : documents) {
      try {
        components.add(LabYaml.convert(document, Component.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ComponentCatalogue.of(components);
  }
}
