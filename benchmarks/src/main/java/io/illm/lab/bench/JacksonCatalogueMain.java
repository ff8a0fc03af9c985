package io.illm.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The baseline of the catalogue row: the repository's committed catalogue documents ({@code
 * experiments/} and {@code components/}, which {@code ./lab synth} writes), each read as a plain
 * tree and written again by a default {@link YAMLMapper} under the same relative path. No model
 * classes, no validation, no settings of ours; it runs on a classpath of Jackson and SnakeYAML
 * only. What it costs is what the same documents cost as data, without the DSL's builders, rules
 * and deterministic YAML.
 *
 * <p>Usage: {@code JacksonCatalogueMain <input-dir> <output-dir>}.
 */
public final class JacksonCatalogueMain {

  private JacksonCatalogueMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: JacksonCatalogueMain <input-dir> <output-dir>");
      System.exit(2);
    }
    copy(Path.of(args[0]), Path.of(args[1]));
    ExitReport.printIfAsked();
  }

  /** Reads every {@code *.yaml} under {@code in} and writes it under {@code out}; the count. */
  static int copy(Path in, Path out) throws IOException {
    YAMLMapper mapper = new YAMLMapper();
    List<Path> files = yamlFiles(in);
    for (Path file : files) {
      JsonNode document = mapper.readTree(file.toFile());
      Path target = out.resolve(in.relativize(file).toString());
      Files.createDirectories(target.getParent());
      mapper.writeValue(target.toFile(), document);
    }
    return files.size();
  }

  /** Every {@code *.yaml} under the folder, sorted. */
  static List<Path> yamlFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }
}
