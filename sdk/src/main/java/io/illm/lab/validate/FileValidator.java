package io.illm.lab.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validates YAML files: every Experiment and Component document in the given files and folders
 * (folders recursively, {@code *.yaml} and {@code *.yml}, in sorted order).
 *
 * <p>Component references are resolved against the Components found in the given paths plus every
 * Component under the catalogue folders. Files are named relative to the working directory when
 * they are under it; in a file with several documents each is named {@code file#n} (1-based).
 */
public final class FileValidator {

  private final Path workingDirectory;

  /** Names files relative to the process's working directory. */
  public FileValidator() {
    this(Path.of("").toAbsolutePath());
  }

  /** Names files relative to {@code workingDirectory}. */
  public FileValidator(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /**
   * Validates {@code paths}, with the Components under {@code catalogueFolders} as the catalogue.
   */
  public ValidationReport validate(List<Path> paths, List<Path> catalogueFolders) {
    List<Problem> problems = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      files.addAll(expand(path, problems));
    }
    files = files.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
    Map<Path, List<Labelled>> read = new LinkedHashMap<>();
    for (Path file : files) {
      read.put(file, read(file, problems));
    }
    ComponentCatalogue catalogue = catalogue(read, catalogueFolders);
    int documents = 0;
    Map<String, String> seen = new HashMap<>();
    for (List<Labelled> labelled : read.values()) {
      for (Labelled document : labelled) {
        documents++;
        problems.addAll(check(document, catalogue));
        duplicate(document, seen).ifPresent(problems::add);
      }
    }
    return new ValidationReport(problems, documents, files.size());
  }

  /** The file as the user should read it: relative to the working directory when under it. */
  public String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown =
        absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }

  private List<Path> expand(Path path, List<Problem> problems) {
    if (!Files.exists(path)) {
      problems.add(Problem.error(display(path), "", "no such file or directory", "check the path"));
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> found = yamlFilesUnder(path);
    if (found.isEmpty()) {
      problems.add(
          Problem.error(
              display(path), "", "no *.yaml or *.yml files in this folder", "check the path"));
    }
    return found;
  }

  /** The YAML files under a folder, sorted, skipping hidden folders and files. */
  static List<Path> yamlFilesUnder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(
              p -> {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".yaml") || name.endsWith(".yml");
              })
          .filter(p -> !hidden(folder.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private List<Labelled> read(Path file, List<Problem> problems) {
    String label = display(file);
    YamlDocuments documents = YamlDocuments.read(file, label);
    problems.addAll(documents.problems());
    List<Labelled> labelled = new ArrayList<>();
    int count = documents.documents().size() + (documents.problems().isEmpty() ? 0 : 1);
    for (int i = 0; i < documents.documents().size(); i++) {
      labelled.add(
          new Labelled(count > 1 ? label + "#" + (i + 1) : label, documents.documents().get(i)));
    }
    return labelled;
  }

  private ComponentCatalogue catalogue(Map<Path, List<Labelled>> read, List<Path> folders) {
    Map<String, Component> byName = new LinkedHashMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      for (Path file : yamlFilesUnder(folder)) {
        Path key = file.toAbsolutePath().normalize();
        List<Labelled> documents =
            read.containsKey(key) ? read.get(key) : read(file, new ArrayList<>());
        documents.forEach(
            d -> component(d.document()).ifPresent(c -> byName.put(c.getMetadata().getName(), c)));
      }
    }
    // Components given to validate win over the catalogue folders' copies: they are what is being
    // changed.
    read.values()
        .forEach(
            documents ->
                documents.forEach(
                    d ->
                        component(d.document())
                            .ifPresent(c -> byName.put(c.getMetadata().getName(), c))));
    return ComponentCatalogue.of(byName.values());
  }

  private static Optional<Component> component(JsonNode document) {
    if (!isOurs(document, Component.KIND)) {
      return Optional.empty();
    }
    try {
      Component component = LabYaml.convert(document, Component.class);
      boolean named = component.getMetadata() != null && component.getMetadata().getName() != null;
      return named ? Optional.of(component) : Optional.empty();
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static List<Problem> check(Labelled labelled, ComponentCatalogue catalogue) {
    JsonNode document = labelled.document();
    if (isOurs(document, Experiment.KIND)) {
      return Validator.validateExperiment(labelled.label(), document, catalogue);
    }
    if (isOurs(document, Component.KIND)) {
      return Validator.validateComponent(labelled.label(), document);
    }
    String expected =
        "expected apiVersion "
            + Experiment.API_VERSION
            + " with kind "
            + Experiment.KIND
            + " or "
            + Component.KIND;
    if (!document.isObject()) {
      return List.of(
          Problem.error(
              labelled.label(),
              "",
              "expected a mapping with apiVersion and kind, found "
                  + document.getNodeType().name().toLowerCase(Locale.ROOT),
              expected));
    }
    String apiVersion =
        document.path("apiVersion").isTextual()
            ? document.path("apiVersion").asText()
            : "no apiVersion";
    String kind = document.path("kind").isTextual() ? document.path("kind").asText() : "no kind";
    return List.of(
        Problem.error(
            labelled.label(),
            "",
            "not an illm-lab object: found " + apiVersion + " " + kind,
            expected));
  }

  private static Optional<Problem> duplicate(Labelled labelled, Map<String, String> seen) {
    JsonNode document = labelled.document();
    if (!isOurs(document, Experiment.KIND) && !isOurs(document, Component.KIND)) {
      return Optional.empty();
    }
    String name = document.path("metadata").path("name").asText("");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String kind = document.path("kind").asText();
    String namespace =
        Experiment.KIND.equals(kind)
            ? document.path("metadata").path("namespace").asText("") + "/"
            : "";
    String other = seen.putIfAbsent(kind + " " + namespace + name, labelled.label());
    if (other == null) {
      return Optional.empty();
    }
    return Optional.of(
        Problem.error(
            labelled.label(),
            "metadata.name",
            kind + " " + SchemaErrors.quote(name) + " is also defined in " + other,
            "rename one of them"));
  }

  private static boolean isOurs(JsonNode document, String kind) {
    return document.isObject()
        && Experiment.API_VERSION.equals(document.path("apiVersion").asText())
        && kind.equals(document.path("kind").asText());
  }

  private record Labelled(String label, JsonNode document) {}
}
