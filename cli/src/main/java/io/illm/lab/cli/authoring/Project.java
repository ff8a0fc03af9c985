package io.illm.lab.cli.authoring;

import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Synth;
import io.illm.lab.validate.FileValidator;
import io.illm.lab.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code validate} without a path checks: the Java definitions on the class path (as {@code
 * synth} would, writing nothing: those that do not build, those no catalogue lists, references
 * between them) and the YAML under {@code experiments/} and {@code components/} of the root.
 */
final class Project {

  private final Path root;
  private final Definitions java;
  private final List<Path> folders;

  private Project(Path root, Definitions java, List<Path> folders) {
    this.root = root;
    this.java = java;
    this.folders = folders;
  }

  /** The project at {@code root}, with the definitions on the class path. */
  static Project at(Path root) {
    List<Path> folders =
        Stream.of("experiments", "components")
            .map(root::resolve)
            .filter(Files::isDirectory)
            .toList();
    return new Project(root, Definitions.onClasspath(), folders);
  }

  Path root() {
    return root;
  }

  /** True when there is nothing to check: no definition and no YAML folder. */
  boolean isEmpty() {
    return java.isEmpty() && folders.isEmpty();
  }

  /** Why there is nothing to check, and what to give instead. */
  String nothing() {
    return "validate: nothing to check: no PATH, no definitions on the class path and no"
        + " experiments/ or components/ under "
        + root
        + " (give a PATH, or --root the project)";
  }

  /** The definitions' problems, then those of the YAML folders, as one report. */
  ValidationReport validate(List<Path> catalogues) {
    List<Problem> problems = new ArrayList<>(java.problems());
    problems.addAll(Synth.validateBuilt(java.components(), java.experiments()));
    ValidationReport files =
        folders.isEmpty()
            ? new ValidationReport(List.of(), 0, 0)
            : new FileValidator().validate(folders, catalogues);
    problems.addAll(files.problems());
    return new ValidationReport(problems, files.documents(), files.files());
  }

  /** {@code checked 4 experiments and 13 components defined in Java (the definitions in ...)}. */
  String summary() {
    return java.isEmpty()
        ? "no Java definitions on the class path"
        : "checked "
            + java.experiments().size()
            + " experiments and "
            + java.components().size()
            + " components defined in Java ("
            + java.source()
            + ")";
  }
}
