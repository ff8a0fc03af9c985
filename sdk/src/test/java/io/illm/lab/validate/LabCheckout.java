package io.illm.lab.validate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fixtures: the lab checkout this module is built in (experiments/, components/, platform/) and
 * ../shared.
 */
public final class LabCheckout {

  /** The repository root (tests run in operator/). */
  public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private LabCheckout() {}

  /** The upstream CRD folder; skips the test with a message when ../shared is not there. */
  public static Path upstreamOrSkip() {
    Optional<Path> upstream = UpstreamSchemas.locate(ROOT);
    assumeTrue(
        upstream.isPresent(),
        "skipped: no shared/upstream-crds beside "
            + ROOT
            + " (the upstream CRD schemas; set LAB_UPSTREAM_CRDS to run this test)");
    return upstream.get();
  }

  public static UpstreamSchemas schemasOrSkip() {
    return new UpstreamSchemas(upstreamOrSkip(), ROOT);
  }

  /** The Components under components/. */
  public static ComponentCatalogue catalogue() {
    List<Component> components = new ArrayList<>();
    for (Path file : yamlFiles(ROOT.resolve("components"))) {
      components.add(read(file, Component.class));
    }
    return ComponentCatalogue.of(components);
  }

  /** Every experiments/<name>/experiment.yaml. */
  public static List<Path> experiments() {
    return yamlFiles(ROOT.resolve("experiments")).stream()
        .filter(p -> p.getFileName().toString().equals("experiment.yaml"))
        .toList();
  }

  public static <T> T read(Path file, Class<T> type) {
    try {
      JsonNode document = YamlDocuments.read(file, file.toString()).documents().get(0);
      return LabYaml.convert(document, type);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static Experiment experiment(Path file) {
    return read(file, Experiment.class);
  }

  public static List<Path> yamlFiles(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
