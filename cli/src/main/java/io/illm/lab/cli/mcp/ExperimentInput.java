package io.illm.lab.cli.mcp;

import io.illm.lab.cli.LabFiles;
import io.illm.lab.rules.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The experiment a tool works on, given as {@code experiment} (a name under {@code experiments/},
 * or a path inside the lab root) or as {@code yaml} (the text itself, kept in a scratch file under
 * {@code .lab/mcp/} for the call). Paths outside the lab root are refused: the server reads only
 * the lab.
 *
 * @param file the file to read
 * @param label how problems name it: the file relative to the root, or {@code yaml}
 * @param scratch true when the file is a scratch copy of {@code yaml}, deleted on close
 */
record ExperimentInput(Path file, String label, boolean scratch) implements AutoCloseable {

  /** The input schema's two ways of naming an experiment. */
  static Schema arguments(Schema schema) {
    return schema
        .string(
            "experiment",
            "the name of an experiment under experiments/ (see list_experiments), or a path to a YAML"
                + " file inside the lab root; give this or yaml")
        .string("yaml", "the Experiment YAML itself; give this or experiment");
  }

  static ExperimentInput of(LabTool.Call call, Lab lab) throws ToolFailure {
    String name = call.text("experiment");
    String yaml = call.text("yaml");
    if ((name == null) == (yaml == null)) {
      throw ToolFailure.error(
          name == null ? "experiment" : "yaml",
          name == null
              ? "give the experiment: its name (experiment) or its YAML (yaml)"
              : "give experiment or yaml, not both",
          "experiment: \"hello-app\", or yaml: \"apiVersion: experiments.illm.io/v1alpha1 ...\"");
    }
    return name != null ? named(name, lab) : text(yaml, lab);
  }

  private static ExperimentInput named(String name, Lab lab) throws ToolFailure {
    Path root = lab.root();
    Path named = root.resolve("experiments").resolve(name).resolve("experiment.yaml").normalize();
    if (named.startsWith(root.resolve("experiments")) && Files.isRegularFile(named)) {
      return new ExperimentInput(named, root.relativize(named).toString(), false);
    }
    Path path = root.resolve(name).normalize();
    if (path.startsWith(root) && Files.isRegularFile(path)) {
      return new ExperimentInput(path, root.relativize(path).toString(), false);
    }
    throw ToolFailure.error(
        List.of(
            Problem.error(
                "",
                "experiment",
                "no experiment "
                    + name
                    + " in "
                    + root
                    + " (a name under experiments/ or a file inside the lab)",
                "known experiments: " + String.join(", ", lab.files().experimentNames()))));
  }

  private static ExperimentInput text(String yaml, Lab lab) {
    try {
      Files.createDirectories(lab.scratch());
      Path file = lab.scratch().resolve("input-" + UUID.randomUUID() + ".yaml");
      Files.writeString(file, yaml, StandardCharsets.UTF_8);
      return new ExperimentInput(file, "yaml", true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Displays problems of this input under its label. */
  Problem relabel(Problem problem) {
    return problem.inFile(label);
  }

  @Override
  public void close() {
    if (scratch) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a scratch file left behind is harmless; the next call uses another name
      }
    }
  }

  /** The label problems of {@link LabFiles#load} use for this input. */
  String loadLabel() {
    return label;
  }
}
