package io.illm.lab.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finding the lab's YAML files: the one rule validate, import, render, run and the MCP server use.
 */
public final class YamlFiles {

  private YamlFiles() {}

  /**
   * The {@code .yaml} and {@code .yml} files under {@code folder} (any case), recursively, sorted
   * by path; hidden files and whatever is under a hidden folder are skipped. A folder that does not
   * exist has none.
   *
   * @throws UncheckedIOException when the folder cannot be read
   */
  public static List<Path> under(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(YamlFiles::isYaml)
          .filter(p -> !hidden(folder.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** True when the file's name ends in {@code .yaml} or {@code .yml}, in any case. */
  public static boolean isYaml(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
