package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What an assistant can read besides calling tools: the lab's docs ({@code lab://docs/<file>}), the
 * CRD schemas ({@code lab://crds/<file>}) and the catalogue ({@code lab://catalogue}, the
 * components and experiments in one JSON). Files are listed when the server starts and read when
 * asked for.
 */
final class LabResources {

  static final String CATALOGUE = "lab://catalogue";

  private final Lab lab;
  private final Secrets secrets;

  LabResources(Lab lab, Secrets secrets) {
    this.lab = lab;
    this.secrets = secrets;
  }

  List<SyncResourceSpecification> resources() {
    List<SyncResourceSpecification> resources = new ArrayList<>();
    for (Path doc : files(lab.root().resolve("docs"), ".md")) {
      resources.add(
          file(
              "lab://docs/" + doc.getFileName(),
              doc,
              "text/markdown",
              "the lab's documentation: " + doc.getFileName()));
    }
    for (Path crd : files(lab.root().resolve("generated-crds"), ".yaml")) {
      resources.add(
          file(
              "lab://crds/" + crd.getFileName(),
              crd,
              "application/yaml",
              "a CRD schema of the lab: " + crd.getFileName()));
    }
    resources.add(catalogue());
    return resources;
  }

  private SyncResourceSpecification file(String uri, Path file, String mime, String description) {
    McpSchema.Resource resource =
        McpSchema.Resource.builder(uri, file.getFileName().toString())
            .description(description)
            .mimeType(mime)
            .build();
    return new SyncResourceSpecification(
        resource, (exchange, request) -> text(uri, mime, read(file)));
  }

  private SyncResourceSpecification catalogue() {
    McpSchema.Resource resource =
        McpSchema.Resource.builder(CATALOGUE, "catalogue")
            .description(
                "the lab's components (name, category, description) and experiments (name, title, hypothesis)")
            .mimeType("application/json")
            .build();
    return new SyncResourceSpecification(
        resource,
        (exchange, request) -> text(CATALOGUE, "application/json", Bound.compact(catalogueJson())));
  }

  private ObjectNode catalogueJson() {
    ObjectNode out = LabYaml.json().createObjectNode();
    ArrayNode components = out.putArray("components");
    for (Catalogue.Entry e : Catalogue.components(lab)) {
      components
          .addObject()
          .put("name", e.name())
          .put("category", e.document().path("spec").path("category").asText(null))
          .put("description", e.document().path("spec").path("description").asText(null));
    }
    ArrayNode experiments = out.putArray("experiments");
    for (Catalogue.Entry e : Catalogue.experiments(lab)) {
      experiments
          .addObject()
          .put("name", e.name())
          .put("title", e.document().path("spec").path("title").asText(null))
          .put(
              "hypothesis",
              e.document().path("spec").path("hypothesis").path("claim").asText(null));
    }
    return out;
  }

  private ReadResourceResult text(String uri, String mime, String text) {
    return ReadResourceResult.builder(
            List.of(TextResourceContents.builder(uri, secrets.scrub(text)).mimeType(mime).build()))
        .build();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> files(Path folder, String suffix) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
