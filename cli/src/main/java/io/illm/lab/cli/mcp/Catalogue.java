package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.validate.YamlDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The lab's catalogue as the tools show it: every Component under {@code components/} (and the
 * extra folders) and every Experiment under {@code experiments/}, as read from their YAML (which
 * {@code ./lab synth} writes from the Java catalogues). Documents that cannot be read are left out;
 * {@code validate_experiment} reports them.
 */
final class Catalogue {

  /** A document and the file it came from, relative to the lab root. */
  record Entry(String name, String file, JsonNode document) {}

  private Catalogue() {}

  /** The Components by name; a later folder wins on a name, as for validation. */
  static List<Entry> components(Lab lab) {
    List<Path> folders = new ArrayList<>();
    folders.add(lab.root().resolve("components"));
    folders.addAll(lab.catalogues());
    Map<String, Entry> byName = new TreeMap<>();
    for (Path folder : folders) {
      for (Entry entry : read(lab.root(), yamlFiles(folder), Component.KIND)) {
        byName.put(entry.name(), entry);
      }
    }
    return List.copyOf(byName.values());
  }

  /** The Experiments of {@code experiments/<name>/experiment.yaml}, by name. */
  static List<Entry> experiments(Lab lab) {
    List<Path> files =
        lab.files().experimentNames().stream()
            .map(n -> lab.root().resolve("experiments").resolve(n).resolve("experiment.yaml"))
            .toList();
    return read(lab.root(), files, Experiment.KIND);
  }

  private static List<Entry> read(Path root, List<Path> files, String kind) {
    List<Entry> entries = new ArrayList<>();
    for (Path file : files) {
      String label = display(root, file);
      for (JsonNode document : YamlDocuments.read(file, label).documents()) {
        String name = document.path("metadata").path("name").asText("");
        if (kind.equals(document.path("kind").asText()) && !name.isEmpty()) {
          entries.add(new Entry(name, label, document));
        }
      }
    }
    return entries;
  }

  private static String display(Path root, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return (absolute.startsWith(root) ? root.relativize(absolute) : absolute)
        .toString()
        .replace('\\', '/');
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
