package io.illm.lab.cli.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.dsl.JavaSource;
import io.illm.lab.importer.ImportResult;
import io.illm.lab.importer.Imported;
import io.illm.lab.importer.Importer;
import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import PATH... [--category CAT] [--java [--package NAME]]}: reads Experiment and Component
 * YAML of this API or of the original Go operator's v1alpha1 and prints it normalised in this API.
 *
 * <p>Objects go to stdout, each preceded by {@code # imported from <file>} and separated by {@code
 * ---}; problems go to stderr, sorted, then a summary line. Exit code 0 when there are no errors, 2
 * when there are or for a usage error (ExitCodes).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Prints Experiment and Component YAML (this API or the original lab's) normalised, or as Java.",
      "",
      "Reads Experiment and Component YAML, of this API or of the original operator's v1alpha1,",
      "and prints it normalised in this API (or, with --java, as DSL classes that synthesize the",
      "same YAML). What cannot be carried over is reported as a warning."
    })
public class ImportCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "A YAML file, or a folder read recursively (*.yaml, *.yml, sorted by path).")
  private List<Path> paths = new ArrayList<>();

  @Option(
      names = "--category",
      paramLabel = "CAT",
      description =
          "Category of original components (no spec.category), overriding the one derived from the path: "
              + "apps, chaos, core, messaging, observability, storage, testing, workflows.")
  private String category;

  @Option(
      names = "--java",
      description =
          "Print DSL Java source (one class per object, whose build() synthesizes the same YAML) instead of YAML.")
  private boolean java;

  @Option(
      names = "--package",
      paramLabel = "NAME",
      defaultValue = "imported",
      description = "Package of the classes --java prints. Default: ${DEFAULT-VALUE}.")
  private String packageName;

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
          "text (YAML or Java on stdout, problems on stderr), or json: one object with every imported"
              + " object (or class), the problems and the counts. Default: ${DEFAULT-VALUE}.")
  private Output output = Output.text;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Category chosen = category == null ? null : Category.fromValue(category);
    if (category != null && chosen == null) {
      err.println(
          "import: --category "
              + category
              + " is not one of apps, chaos, core, messaging,"
              + " observability, storage, testing, workflows");
      return ExitCodes.INVALID;
    }
    Optional<List<Path>> files = files(err);
    if (files.isEmpty()) {
      return ExitCodes.INVALID;
    }
    ImportResult result = Importer.read(files.get(), chosen);
    List<Problem> problems = new ArrayList<>(result.problems());
    if (output == Output.json) {
      return printJson(result, problems, files.get().size(), out);
    }
    if (java) {
      problems.addAll(printJava(result, packageName, out));
    } else {
      print(result, out);
    }
    out.flush();
    return report(problems, result.imported().size(), files.get().size(), err);
  }

  /** The YAML files under the paths; empty (the reason printed) when a path cannot be read. */
  private Optional<List<Path>> files(PrintWriter err) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (!Files.exists(path)) {
        err.println("import: " + path + ": no such file or folder");
        return Optional.empty();
      }
      try {
        files.addAll(Importer.yamlFiles(path));
      } catch (IOException e) {
        err.println("import: " + path + ": cannot list: " + e.getMessage());
        return Optional.empty();
      }
    }
    return Optional.of(files);
  }

  /** Every problem in order, then the count; the exit code. */
  private static int report(List<Problem> problems, int imported, int files, PrintWriter err) {
    problems.sort(Problem.ORDER);
    long errors = problems.stream().filter(Problem::isError).count();
    for (Problem problem : problems) {
      err.println(problem);
    }
    err.println(
        "imported "
            + imported
            + " objects from "
            + files
            + " files: "
            + errors
            + " errors, "
            + (problems.size() - errors)
            + " notes");
    err.flush();
    return errors == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  /** One class per object; what the DSL cannot reproduce exactly becomes problems, not source. */
  private static List<Problem> printJava(ImportResult result, String packageName, PrintWriter out) {
    List<Problem> problems = new ArrayList<>();
    for (Imported imported : result.imported()) {
      String name = imported.object().getMetadata().getName();
      String className = JavaSource.className(name);
      try {
        String source =
            imported.object() instanceof Experiment experiment
                ? JavaSource.experiment(packageName, className, experiment)
                : JavaSource.component(packageName, className, (Component) imported.object());
        out.println("// " + className + ".java, imported from " + imported.file());
        out.print(source);
      } catch (InvalidInputException e) {
        e.problems().forEach(p -> problems.add(p.inFile(imported.file())));
      }
    }
    return problems;
  }

  /** Everything as one JSON object on stdout: objects (or Java classes), problems, counts. */
  private int printJson(ImportResult result, List<Problem> problems, int files, PrintWriter out) {
    ObjectNode root = LabYaml.json().createObjectNode();
    ArrayNode objects = root.putArray("objects");
    for (Imported imported : result.imported()) {
      ObjectNode item = objects.addObject();
      item.put("file", imported.file());
      item.put("kind", imported.object().getKind());
      item.put("name", imported.object().getMetadata().getName());
      item.set("object", LabYaml.json().valueToTree(imported.object()));
    }
    if (java) {
      StringWriter source = new StringWriter();
      problems.addAll(printJava(result, packageName, new PrintWriter(source)));
      root.put("java", source.toString());
    }
    problems.sort(Problem.ORDER);
    long errors = problems.stream().filter(Problem::isError).count();
    ProblemsJson.put(root, problems);
    root.put("imported", result.imported().size());
    root.put("files", files);
    root.put("errors", errors);
    root.put("notes", problems.size() - errors);
    try {
      out.println(LabYaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // plain values always write
    }
    out.flush();
    return errors == 0 ? ExitCodes.OK : ExitCodes.INVALID;
  }

  private static void print(ImportResult result, PrintWriter out) {
    boolean first = true;
    for (Imported imported : result.imported()) {
      if (!first) {
        out.println("---");
      }
      first = false;
      out.println("# imported from " + imported.file());
      out.print(LabYaml.write(imported.object()));
    }
  }
}
