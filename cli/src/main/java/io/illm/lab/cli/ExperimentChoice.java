package io.illm.lab.cli;

import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Synth;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.Validator;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The experiment a command works on and where its components come from: the argument and options
 * {@code render}, {@code run} and {@code submit} share (a picocli mixin).
 *
 * <p>A name means the Java definition of that name when the class path has one, so what runs is
 * what the Java says now, never YAML that synth has not rewritten yet; else the YAML under {@code
 * experiments/<name>/}. The components are those under {@code components/}, then the Java
 * definitions', then each {@code --catalogue} folder's (later ones win on a name).
 */
public final class ExperimentChoice {

  @Parameters(
      index = "0",
      paramLabel = "EXPERIMENT",
      description =
          "A path to an experiment YAML, or an experiment's name: its Java definition on the class"
              + " path when there is one, else experiments/<name>/experiment.yaml.")
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

  /**
   * The chosen experiment, checked against the components.
   *
   * @param experiment the experiment, when it can be used (no error among the problems)
   * @param label how problems name it: the file, or {@code experiments/<name>} for a definition
   * @param catalogue the components it may deploy
   * @param problems what is wrong with it, or with the choice; warnings too
   * @param note where it came from, for a definition: which one, and whether its YAML is current
   */
  public record Chosen(
      Optional<Experiment> experiment,
      String label,
      ComponentCatalogue catalogue,
      List<Problem> problems,
      Optional<String> note) {

    /** True when it can be used: there is an experiment and no error. */
    public boolean usable() {
      return experiment.isPresent() && problems.stream().noneMatch(Problem::isError);
    }
  }

  /** The argument as the user gave it. */
  public String argument() {
    return experiment;
  }

  /** The checkout the files are read from. */
  public LabFiles lab() {
    return LabFiles.at(root);
  }

  /** The experiment the argument names; problems are reported as coming from {@code command}. */
  public Chosen choose(String command) {
    List<Problem> folders =
        catalogues.stream()
            .filter(p -> !Files.isDirectory(p))
            .map(p -> Problem.error(command, "", "--catalogue " + p + ": not a folder", ""))
            .toList();
    if (!folders.isEmpty()) {
      return new Chosen(Optional.empty(), command, null, folders, Optional.empty());
    }
    Path file = Path.of(experiment);
    Definitions java = Definitions.onClasspath();
    ComponentCatalogue components = lab().catalogue(java.components(), catalogues);
    if (Files.isRegularFile(file)) {
      return fromFile(file, components);
    }
    Optional<Experiment> defined = java.experiment(experiment);
    if (defined.isPresent()) {
      return fromJava(defined.get(), java, components);
    }
    List<Problem> broken = java.problemsOf(experiment);
    if (!broken.isEmpty()) {
      return new Chosen(
          Optional.empty(), "experiments/" + experiment, components, broken, Optional.empty());
    }
    return lab()
        .experiment(experiment)
        .map(named -> fromFile(named, components))
        .orElseGet(() -> unknown(command, java, components));
  }

  private static Chosen fromFile(Path file, ComponentCatalogue components) {
    String label = LabFiles.display(file);
    List<Problem> problems = new ArrayList<>();
    Experiment loaded = LabFiles.load(file, label, components, problems);
    return new Chosen(Optional.ofNullable(loaded), label, components, problems, Optional.empty());
  }

  private Chosen fromJava(Experiment defined, Definitions java, ComponentCatalogue components) {
    String name = defined.getMetadata().getName();
    String label = "experiments/" + name;
    String note =
        name
            + ": the Java definition "
            + java.origin(name).orElse("on the class path")
            + "; "
            + yamlState(defined, java.source());
    List<Problem> problems = Validator.validate(label, defined, components);
    return new Chosen(Optional.of(defined), label, components, problems, Optional.of(note));
  }

  /** Whether the committed YAML of a definition is what synth would write now. */
  private String yamlState(Experiment defined, String source) {
    String relative = Synth.experimentPath(defined);
    Path file = lab().root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      return relative + " is not written yet (synth writes it)";
    }
    try {
      String expected = Synth.header(source) + LabYaml.write(defined);
      return Files.readString(file).equals(expected)
          ? relative + " is up to date"
          : relative + " is stale: synth rewrites it";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Chosen unknown(String command, Definitions java, ComponentCatalogue components) {
    TreeSet<String> known = new TreeSet<>(java.experimentNames());
    known.addAll(lab().experimentNames());
    Problem problem =
        Problem.error(
            command,
            "",
            Suggestions.noSuch("experiment", experiment, known),
            "give a Java definition's name, experiments/<name>, or a path to a YAML file");
    return new Chosen(Optional.empty(), command, components, List.of(problem), Optional.empty());
  }
}
