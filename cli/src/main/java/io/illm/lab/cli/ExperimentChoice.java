package io.illm.lab.cli;

import io.illm.lab.validate.ComponentCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The experiment a command works on and where its components come from: the argument and options
 * {@code render}, {@code run} and {@code submit} share (a picocli mixin).
 */
public final class ExperimentChoice {

  @Parameters(
      index = "0",
      paramLabel = "EXPERIMENT",
      description = "A path to an experiment YAML, or the name of one under experiments/.")
  private String experiment;

  @Option(
      names = "--catalogue",
      paramLabel = "DIR",
      description = "More Components besides <root>/components; repeatable, later folders win.")
  private List<Path> catalogues = new ArrayList<>();

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "The lab checkout (experiments/, components/, generated-crds/, platform/)."
              + " Default: $LAB_ROOT, else the current directory.")
  private Path root;

  /** The argument as the user gave it. */
  public String argument() {
    return experiment;
  }

  /** The checkout the files are read from. */
  public LabFiles lab() {
    return LabFiles.at(root);
  }

  /**
   * What makes the choice unusable (a catalogue that is not a folder, no such experiment), each
   * line starting with the command's name; empty when it can be used.
   */
  public List<String> usageProblems(String command) {
    List<String> usage = new ArrayList<>();
    catalogues.stream()
        .filter(p -> !Files.isDirectory(p))
        .forEach(p -> usage.add(command + ": not a folder: " + p));
    if (file().isEmpty()) {
      usage.add(
          command
              + ": no experiment file or name "
              + experiment
              + " (known: "
              + String.join(", ", lab().experimentNames())
              + ")");
    }
    return usage;
  }

  /** The experiment's file, when there is one. */
  public Optional<Path> file() {
    return lab().experiment(experiment);
  }

  /** The components from {@code <root>/components} and every {@code --catalogue} folder. */
  public ComponentCatalogue catalogue() {
    return lab().catalogue(catalogues);
  }
}
