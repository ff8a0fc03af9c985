package io.illm.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Checks that a tool wrote the workload: exactly N YAML files, each holding one document equal as
 * data to the workload's (mapping order, style and {@code 250} vs {@code 250.0} do not matter; list
 * order and scalar types do). All problems are collected, the first few are reported.
 */
final class OutputCheck {

  private static final int SHOWN = 10;

  private final WorkloadTemplate template;
  private final YAMLMapper mapper = new YAMLMapper();

  OutputCheck(WorkloadTemplate template) {
    this.template = template;
  }

  /**
   * Problems with the output under {@code root}, one line each; empty when it is the workload.
   *
   * @param fileOf where the tool writes experiment {@code i}, under {@code root}
   */
  List<String> problems(Path root, int n, IntFunction<Path> fileOf) throws IOException {
    List<String> problems = new ArrayList<>();
    TreeSet<Path> unexpected = yamlFiles(root);
    for (int i = 1; i <= n; i++) {
      Path file = fileOf.apply(i);
      unexpected.remove(file);
      if (!Files.isRegularFile(file)) {
        problems.add(file + ": missing");
        continue;
      }
      documentProblem(file, template.document(i)).ifPresent(problems::add);
    }
    for (Path extra : unexpected) {
      problems.add(extra + ": not part of the workload (expected " + n + " files)");
    }
    return problems;
  }

  /** The report of a failed check, naming the first problems and how many there are. */
  static String report(String tool, List<String> problems) {
    StringBuilder text =
        new StringBuilder(
            tool
                + " did not write the workload ("
                + problems.size()
                + " problem"
                + (problems.size() == 1 ? "" : "s")
                + "):");
    problems.stream().limit(SHOWN).forEach(p -> text.append("\n  ").append(p));
    if (problems.size() > SHOWN) {
      text.append("\n  ... and ").append(problems.size() - SHOWN).append(" more");
    }
    return text.toString();
  }

  private Optional<String> documentProblem(Path file, JsonNode expected) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        mapper.readerFor(JsonNode.class).readValues(file.toFile())) {
      it.forEachRemaining(documents::add);
    } catch (IOException e) {
      return Optional.of(
          file + ": does not parse: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (documents.size() != 1) {
      return Optional.of(
          file + ": holds " + documents.size() + " YAML documents, expected exactly 1");
    }
    return difference("", expected, documents.get(0)).map(d -> file + ": " + d);
  }

  /** The first place where {@code actual} differs from {@code expected}, as {@code path: what}. */
  static Optional<String> difference(String path, JsonNode expected, JsonNode actual) {
    String here = path.isEmpty() ? "(document)" : path;
    if (expected.isNumber() && actual.isNumber()) {
      return expected.decimalValue().compareTo(actual.decimalValue()) == 0
          ? Optional.empty()
          : Optional.of(here + ": expected " + expected + ", found " + actual);
    }
    if (expected.getNodeType() != actual.getNodeType()) {
      return Optional.of(here + ": expected " + describe(expected) + ", found " + describe(actual));
    }
    if (expected.isObject()) {
      return objectDifference(path, expected, actual);
    }
    if (expected.isArray()) {
      if (expected.size() != actual.size()) {
        return Optional.of(
            here + ": expected " + expected.size() + " items, found " + actual.size());
      }
      for (int k = 0; k < expected.size(); k++) {
        Optional<String> d = difference(path + "[" + k + "]", expected.get(k), actual.get(k));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return expected.equals(actual)
        ? Optional.empty()
        : Optional.of(here + ": expected " + expected + ", found " + actual);
  }

  private static Optional<String> objectDifference(
      String path, JsonNode expected, JsonNode actual) {
    String prefix = path.isEmpty() ? "" : path + ".";
    for (Iterator<String> names = expected.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!actual.has(name)) {
        return Optional.of(prefix + name + ": missing");
      }
      Optional<String> d = difference(prefix + name, expected.get(name), actual.get(name));
      if (d.isPresent()) {
        return d;
      }
    }
    for (Iterator<String> names = actual.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!expected.has(name)) {
        return Optional.of(
            prefix + name + ": not in the workload (value " + actual.get(name) + ")");
      }
    }
    return Optional.empty();
  }

  private static String describe(JsonNode node) {
    return node.getNodeType().name().toLowerCase() + " " + node;
  }

  private static TreeSet<Path> yamlFiles(Path root) throws IOException {
    TreeSet<Path> files = new TreeSet<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml"))
          .forEach(files::add);
    }
    return files;
  }
}
