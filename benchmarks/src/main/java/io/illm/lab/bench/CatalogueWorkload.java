package io.illm.lab.bench;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real catalogue as a workload: every {@code @LabComponent} and {@code @LabExperiment} of
 * dsl-examples, found by annotation as {@code ./lab synth} finds them, so the row grows with the
 * catalogue without a list here. The synth side is {@code ./lab}'s own java command ({@code
 * LabCommand synth --root DIR} on dsl-examples' jar and authoring class path, as the launcher
 * builds them) without the launcher; the baseline is {@link JacksonCatalogueMain} on the committed
 * YAML.
 *
 * @param repoRoot the repository
 * @param synthClasspath dsl-examples' jar, then its authoring class path
 */
record CatalogueWorkload(Path repoRoot, String synthClasspath) {

  /** What the synth writes and the baseline copies: the catalogue's documents. */
  static final List<String> FOLDERS = List.of("experiments", "components");

  /** The workload of this repository, or why there is none (dsl-examples not packaged). */
  static CatalogueWorkload of(Path repoRoot) throws IOException {
    LabClasspath lab = LabClasspath.of(repoRoot);
    List<String> entries = new ArrayList<>();
    entries.add(lab.jar().toString());
    entries.addAll(lab.dependencies());
    return new CatalogueWorkload(repoRoot, String.join(File.pathSeparator, entries));
  }

  /** The synth's command: {@code java OPTIONS -cp ... LabCommand synth --root OUT}. */
  List<String> synthCommand(List<String> options, Path out) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(options);
    command.addAll(
        List.of(
            "-cp",
            synthClasspath,
            "io.illm.lab.cli.LabCommand",
            "synth",
            "--root",
            out.toString()));
    return command;
  }

  /** Copies the committed catalogue documents into {@code input}, the baseline's input. */
  void copyInput(Path input) throws IOException {
    for (String folder : FOLDERS) {
      for (Path file : JacksonCatalogueMain.yamlFiles(repoRoot.resolve(folder))) {
        Path target = input.resolve(repoRoot.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
  }

  /**
   * What differs between the synth's output and the committed catalogue, byte for byte, file by
   * file (empty when they are the same): the synth wrote the real catalogue.
   */
  List<String> synthProblems(Path synthOut) throws IOException {
    List<String> problems = new ArrayList<>();
    for (String folder : FOLDERS) {
      List<String> committed = relative(repoRoot, folder);
      List<String> written = relative(synthOut, folder);
      if (!committed.equals(written)) {
        problems.add(
            folder
                + "/: synth wrote "
                + written.size()
                + " files, "
                + committed.size()
                + " are committed (run ./lab synth and commit, or rebuild dsl-examples)");
        continue;
      }
      for (String file : committed) {
        if (!Arrays.equals(
            Files.readAllBytes(repoRoot.resolve(file)),
            Files.readAllBytes(synthOut.resolve(file)))) {
          problems.add(file + ": synth wrote other bytes than the committed file");
        }
      }
    }
    return problems;
  }

  /** What differs, as data, between the baseline's output and its input. */
  static List<String> baselineProblems(Path input, Path out) throws IOException {
    YAMLMapper mapper = new YAMLMapper();
    List<String> problems = new ArrayList<>();
    for (Path file : JacksonCatalogueMain.yamlFiles(input)) {
      Path copy = out.resolve(input.relativize(file).toString());
      if (!Files.isRegularFile(copy)) {
        problems.add(input.relativize(file) + ": not written");
      } else if (!mapper.readTree(file.toFile()).equals(mapper.readTree(copy.toFile()))) {
        problems.add(input.relativize(file) + ": written with other data");
      }
    }
    return problems;
  }

  /** How many experiments and components the catalogue has: "5 experiments, 46 components". */
  String size() throws IOException {
    long experiments;
    try (Stream<Path> dirs = Files.list(repoRoot.resolve("experiments"))) {
      experiments = dirs.filter(d -> Files.isRegularFile(d.resolve("experiment.yaml"))).count();
    }
    int components = JacksonCatalogueMain.yamlFiles(repoRoot.resolve("components")).size();
    return experiments + " experiments, " + components + " components";
  }

  private static List<String> relative(Path root, String folder) throws IOException {
    Path start = root.resolve(folder);
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    return JacksonCatalogueMain.yamlFiles(start).stream()
        .map(p -> root.relativize(p).toString())
        .toList();
  }
}
