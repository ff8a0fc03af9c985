package io.illm.lab.site;

import io.illm.lab.results.SummaryJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The summary files named by the command line: files as given, folders searched for summary.json.
 */
final class SummaryFiles {

  static final String NAME = "summary.json";

  private SummaryFiles() {}

  /**
   * Every summary file under {@code inputs}, sorted and without duplicates; a missing input or a
   * folder without any summary is a problem.
   */
  static List<Path> find(List<Path> inputs, List<String> problems) {
    TreeSet<Path> files = new TreeSet<>();
    for (Path input : inputs) {
      if (Files.isRegularFile(input)) {
        files.add(input.normalize());
      } else if (Files.isDirectory(input)) {
        List<Path> found = walk(input);
        if (found.isEmpty()) {
          problems.add(
              input
                  + ": no "
                  + NAME
                  + " below this folder (results are laid out as"
                  + " experiments/<experiment>/<run>/summary.json; ./lab run writes them under .lab/results)");
        }
        files.addAll(found);
      } else {
        problems.add(
            input + ": no such file or folder (give summary.json files or folders holding them)");
      }
    }
    return List.copyOf(files);
  }

  private static List<Path> walk(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      return paths
          .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(NAME))
          .filter(Files::isRegularFile)
          .map(Path::normalize)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The run's name: the summary's folder, or the file's name without .json when it is not a
   * summary.json.
   */
  static String runName(Path file) {
    String name = file.getFileName().toString();
    Path parent = file.toAbsolutePath().getParent();
    if (name.equals(NAME) && parent != null && parent.getFileName() != null) {
      return parent.getFileName().toString();
    }
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }

  /** Reads one summary; a problem (named by file and field path) instead of an exception. */
  static io.illm.lab.results.Summary read(Path file, List<String> problems) {
    try {
      return SummaryJson.read(file);
    } catch (SummaryJson.SummaryFormatException e) {
      problems.add(e.getMessage());
      return null;
    }
  }
}
