package io.illm.lab.cli.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.validate.FileValidator;
import io.illm.lab.validate.ValidationReport;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate PATH... [--catalogue DIR]... [--output text|json]}: checks experiments and
 * components in files and folders and prints every problem. Exit codes: 0 valid (warnings allowed),
 * 2 invalid or a usage error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks Experiment and Component YAML: structure against the CRD schema, then meaning"
            + " (references, dependencies, derived names). Prints every problem as"
            + " `file: path: message (hint)`, then a summary line.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "2:invalid, or a usage error"})
public final class ValidateCommand implements Callable<Integer> {

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    text,
    json
  }

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH",
      description =
          "Files or folders (searched for *.yaml and *.yml). Default: the project: the Java"
              + " definitions on the class path, and experiments/ and components/ under the root.")
  private List<Path> paths = new ArrayList<>();

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The project without PATH. Default: $LAB_ROOT, else the current directory.")
  private Path root;

  @Option(
      names = "--catalogue",
      paramLabel = "DIR",
      description =
          "A folder of Components that experiments may reference; repeatable. Default: ./components when it exists.")
  private List<Path> catalogues = new ArrayList<>();

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "text",
      description = "text or json. Default: ${DEFAULT-VALUE}.")
  private Output output = Output.text;

  @Override
  public Integer call() throws JsonProcessingException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> usage = new ArrayList<>();
    paths.stream()
        .filter(p -> !Files.exists(p))
        .forEach(p -> usage.add("no such file or directory: " + p));
    catalogues.stream()
        .filter(p -> !Files.isDirectory(p))
        .forEach(p -> usage.add("not a folder: " + p));
    Project project = paths.isEmpty() ? Project.at(LabFiles.at(root).root()) : null;
    if (project != null && project.isEmpty()) {
      usage.add(project.nothing());
    }
    if (!usage.isEmpty()) {
      usage.forEach(err::println);
      err.flush();
      return ExitCodes.INVALID;
    }
    ValidationReport report;
    try {
      report =
          project == null
              ? new FileValidator().validate(paths, folders(Path.of("components")))
              : project.validate(folders(project.root().resolve("components")));
    } catch (RuntimeException e) {
      // A bug or an unreadable folder; the user gets one line, not a stack trace.
      err.println("validate failed: " + e);
      err.flush();
      return ExitCodes.INVALID;
    }
    print(out, report, project);
    return report.valid() ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** The default catalogue folder when it exists, then the --catalogue folders. */
  private List<Path> folders(Path defaultCatalogue) {
    List<Path> folders = new ArrayList<>();
    if (Files.isDirectory(defaultCatalogue)) {
      folders.add(defaultCatalogue);
    }
    folders.addAll(catalogues);
    return folders;
  }

  private void print(PrintWriter out, ValidationReport report, Project project)
      throws JsonProcessingException {
    if (output == Output.json) {
      out.println(LabYaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(json(report)));
    } else {
      report.problems().forEach(out::println);
      if (project != null) {
        out.println(project.summary());
      }
      out.println(report.summary());
    }
    out.flush();
  }

  private static ObjectNode json(ValidationReport report) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("documents", report.documents());
    root.put("files", report.files());
    root.put("errors", report.errors());
    root.put("warnings", report.warnings());
    ProblemsJson.put(root, report.problems());
    root.put("valid", report.valid());
    return root;
  }
}
