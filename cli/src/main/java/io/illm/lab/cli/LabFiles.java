package io.illm.lab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.Validator;
import io.illm.lab.validate.YamlDocuments;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds experiments and components in a lab checkout (experiments/, components/), and reads an
 * experiment file into a validated {@link Experiment}: what {@code render} and {@code run} share.
 */
public final class LabFiles {

  private final Path root;

  public LabFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * {@code argument} as a file, else the catalogue's {@code
   * experiments/<argument>/experiment.yaml}.
   */
  public Optional<Path> experiment(String argument) {
    Path asPath = Path.of(argument);
    if (Files.isRegularFile(asPath)) {
      return Optional.of(asPath);
    }
    Path named = root.resolve("experiments").resolve(argument).resolve("experiment.yaml");
    return Files.isRegularFile(named) ? Optional.of(named) : Optional.empty();
  }

  /** The experiment names under experiments/, sorted. */
  public List<String> experimentNames() {
    Path dir = root.resolve("experiments");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(p -> Files.isRegularFile(p.resolve("experiment.yaml")))
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Components under root/components and the extra folders; later folders win on a name. */
  public ComponentCatalogue catalogue(List<Path> extra) {
    return catalogue(List.of(), extra);
  }

  /**
   * The Components under root/components, then {@code defined} (the Java definitions), then those
   * of the extra folders; later ones win on a name.
   */
  public ComponentCatalogue catalogue(List<Component> defined, List<Path> extra) {
    Map<String, Component> byName = new TreeMap<>();
    read(root.resolve("components"), byName);
    defined.forEach(c -> byName.put(c.getMetadata().getName(), c));
    extra.forEach(folder -> read(folder, byName));
    return ComponentCatalogue.of(byName.values());
  }

  private static void read(Path folder, Map<String, Component> byName) {
    for (Path file : yamlFiles(folder)) {
      for (JsonNode document : YamlDocuments.read(file, file.toString()).documents()) {
        component(document).ifPresent(c -> byName.put(c.getMetadata().getName(), c));
      }
    }
  }

  /** The lab root: {@code explicit} if given, else $LAB_ROOT, else the current directory. */
  public static LabFiles at(Path explicit) {
    return new LabFiles(
        explicit != null ? explicit : Path.of(System.getenv().getOrDefault("LAB_ROOT", ".")));
  }

  /**
   * The file's single Experiment, validated against {@code catalogue} and bound; null when it
   * cannot be used, with every reason added to {@code problems}.
   */
  public static Experiment load(
      Path file, String label, ComponentCatalogue catalogue, List<Problem> problems) {
    Read read = read(file, label);
    problems.addAll(read.problems());
    if (read.document() == null) {
      return null;
    }
    problems.addAll(Validator.validateExperiment(label, read.document(), catalogue));
    if (problems.stream().anyMatch(Problem::isError)) {
      return null;
    }
    try {
      return LabYaml.convert(read.document(), Experiment.class);
    } catch (IOException e) {
      problems.add(
          Problem.error(
              label,
              "",
              "cannot read the experiment: " + e.getMessage(),
              "./lab validate " + label));
      return null;
    }
  }

  /** How a file is named in problems: relative to the current directory when below it. */
  public static String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath();
    return (absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute)
        .toString()
        .replace('\\', '/');
  }

  /** The single Experiment document of a file, or the problems that prevent reading it. */
  static Read read(Path file, String label) {
    YamlDocuments documents = YamlDocuments.read(file, label);
    if (!documents.problems().isEmpty()) {
      return new Read(null, documents.problems());
    }
    List<JsonNode> experiments =
        documents.documents().stream()
            .filter(d -> Experiment.KIND.equals(d.path("kind").asText()))
            .toList();
    if (experiments.size() != 1) {
      return new Read(
          null,
          List.of(
              Problem.error(
                  label,
                  "",
                  "expected one Experiment, found " + experiments.size(),
                  "one Experiment per file")));
    }
    return new Read(experiments.get(0), List.of());
  }

  /** A file's Experiment document (bound once valid), or why there is none. */
  record Read(JsonNode document, List<Problem> problems) {}

  private static Optional<Component> component(JsonNode document) {
    if (!Component.KIND.equals(document.path("kind").asText())) {
      return Optional.empty();
    }
    try {
      Component component = LabYaml.convert(document, Component.class);
      return component.getMetadata() == null || component.getMetadata().getName() == null
          ? Optional.empty()
          : Optional.of(component);
    } catch (IOException | IllegalArgumentException e) {
      // An unreadable component is the validator's to report; render just cannot use it.
      return Optional.empty();
    }
  }

  private static List<Path> yamlFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (name.endsWith(".yaml") || name.endsWith(".yml")) && !name.startsWith(".");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
