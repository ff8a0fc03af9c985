package io.illm.lab.cli.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./lab synth}: writes (or checks) the YAML of every catalogue on the classpath. */
@Command(
    name = "synth",
    mixinStandardHelpOptions = true,
    description = {
      "Writes the YAML of the Java definitions and the CRDs.",
      "",
      "Writes experiments/<name>/experiment.yaml, components/<category>/<name>.yaml and",
      "generated-crds/ from the definitions on the class path (members annotated with",
      "@LabExperiment and @LabComponent, and io.illm.lab.dsl.Catalogue implementations), and",
      "removes generated files that are no longer produced. Nothing is written when any",
      "definition is invalid. A member that looks like a definition but is not annotated is",
      "reported."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written (with --check: up to date)",
      "1:--check: some files are stale",
      "2:a definition is invalid or does not build, or there is none; nothing written"
    })
public final class SynthCommand implements Callable<Integer> {

  /** What synth says when the class path has nothing to write. */
  public static final String NO_DEFINITIONS =
      "synth: no definitions on the class path: annotate a static method returning an Experiment"
          + " with @LabExperiment and a static ComponentDef field with @LabComponent, and compile"
          + " them with the illm-lab-sdk on the class path (docs/dsl.md, \"Your own project\")";

  /** The environment variable ./lab sets to the repository root. */
  static final String ROOT_ENV = "LAB_ROOT";

  @Option(
      names = "--check",
      description = "Change nothing; exit 1 with a diff when the YAML on disk is stale.")
  boolean check;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "Repository root to write under. Default: $LAB_ROOT, else the current directory.")
  Path root;

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    text,
    json
  }

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description =
          "text, or json: one object with the counts, each file written, removed or stale (with its"
              + " diff under --check) and the problems. Default: ${DEFAULT-VALUE}.")
  Output output = Output.text;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Definitions found = Definitions.onClasspath();
    if (found.isEmpty()) {
      err.println(NO_DEFINITIONS);
      return ExitCodes.INVALID;
    }
    List<Problem> problems = new ArrayList<>(found.problems());
    problems.addAll(Synth.validateBuilt(found.components(), found.experiments()));
    problems.sort(Problem.ORDER);
    if (output == Output.json) {
      return json(problems, found);
    }
    problems.forEach(p -> (p.isError() ? err : out).println(p));
    long errors = problems.stream().filter(Problem::isError).count();
    if (errors > 0) {
      err.println("synth: " + errors + " errors; nothing written");
      return ExitCodes.INVALID;
    }
    SortedMap<String, String> files =
        Synth.render(found.source(), found.components(), found.experiments());
    return check
        ? check(files)
        : write(files, found.components().size(), found.experiments().size());
  }

  /**
   * The JSON form: {@code {"check", "components", "experiments", "files", "changes": [{"path",
   * "change", "diff"}], "problems", "valid"}}; the same exit codes as text.
   */
  private int json(List<Problem> problems, Definitions found) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("check", check);
    root.put("components", found.components().size());
    root.put("experiments", found.experiments().size());
    boolean valid = problems.stream().noneMatch(Problem::isError);
    int code = ExitCodes.INVALID;
    ArrayNode changes = LabYaml.json().createArrayNode();
    if (valid) {
      SortedMap<String, String> files =
          Synth.render(found.source(), found.components(), found.experiments());
      root.put("files", files.size());
      List<Drift> drift = check ? Synth.drift(root(), files) : Synth.write(root(), files);
      for (Drift d : drift) {
        ObjectNode change =
            changes.addObject().put("path", d.path().toString()).put("change", d.kind().verb());
        if (check) {
          change.put("diff", d.unifiedDiff());
        }
      }
      code = check && !drift.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }
    root.set("changes", changes);
    ProblemsJson.put(root, problems);
    root.put("valid", valid);
    try {
      spec.commandLine()
          .getOut()
          .println(LabYaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // plain values always write
    }
    spec.commandLine().getOut().flush();
    return code;
  }

  /** {@code --check}: the diff of every stale file; 1 when there is one. */
  private int check(SortedMap<String, String> files) {
    PrintWriter err = spec.commandLine().getErr();
    List<Drift> drift = Synth.drift(root(), files);
    for (Drift d : drift) {
      err.println(d.path() + ": would be " + d.kind().verb());
      err.print(d.unifiedDiff());
    }
    if (!drift.isEmpty()) {
      err.println(
          "synth --check: "
              + drift.size()
              + " of "
              + files.size()
              + " files are stale; run ./lab synth and commit the result");
      return ExitCodes.FAILED;
    }
    spec.commandLine().getOut().println("synth --check: " + files.size() + " files up to date");
    return ExitCodes.OK;
  }

  /** Writes the files, removes those no longer produced, and says what changed. */
  private int write(SortedMap<String, String> files, int components, int experiments) {
    PrintWriter out = spec.commandLine().getOut();
    List<Drift> changes = Synth.write(root(), files);
    changes.forEach(d -> out.println(d.kind().verb() + " " + d.path()));
    long written = changes.stream().filter(d -> d.kind() != Drift.Kind.STALE).count();
    out.printf(
        "synth: %d components, %d experiments, %d CRDs: %d written, %d removed, %d unchanged%n",
        components,
        experiments,
        files.size() - components - experiments,
        written,
        changes.size() - written,
        files.size() - written);
    return ExitCodes.OK;
  }

  private Path root() {
    if (root != null) {
      return root.toAbsolutePath().normalize();
    }
    String env = System.getenv(ROOT_ENV);
    return Path.of(env == null || env.isBlank() ? "." : env).toAbsolutePath().normalize();
  }
}
