package io.illm.lab.cli.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.CatalogueDoc;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
      "Writes experiments/<name>/experiment.yaml, components/<category>/<name>.yaml,",
      "generated-crds/ and docs/catalogue.md from every io.illm.lab.dsl.Catalogue on the",
      "classpath, and removes generated files that are no longer produced. Nothing is written",
      "when any definition is invalid. Components no experiment deploys are listed (not an",
      "error)."
    },
    footer = {"", "Exit codes: 0 ok (or no drift), 1 drift with --check, 2 invalid definitions."})
public final class SynthCommand implements Callable<Integer> {

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
    List<Catalogue> catalogues = catalogues();
    if (catalogues.isEmpty()) {
      err.println(
          "synth: no catalogue on the classpath"
              + " (list an io.illm.lab.dsl.Catalogue in META-INF/services, as dsl-examples does)");
      return 2;
    }
    List<Component> components = new ArrayList<>();
    List<Experiment> experiments = new ArrayList<>();
    for (Catalogue catalogue : catalogues) {
      components.addAll(catalogue.components());
      experiments.addAll(catalogue.experiments());
    }
    List<Problem> problems = Synth.validateBuilt(components, experiments);
    long errors = problems.stream().filter(Problem::isError).count();
    if (output == Output.json) {
      return json(problems, catalogues, components, experiments);
    }
    problems.forEach(p -> (p.isError() ? err : out).println(p));
    if (errors > 0) {
      err.println("synth: " + errors + " errors; nothing written");
      return 2;
    }
    SortedMap<String, String> files = files(catalogues, components, experiments);
    out.println(unreferenced(components, experiments));
    return check ? check(files) : write(files, components.size(), experiments.size());
  }

  /** The YAML and CRDs ({@link Synth#render}) and docs/catalogue.md ({@link CatalogueDoc}). */
  private static SortedMap<String, String> files(
      List<Catalogue> catalogues, List<Component> components, List<Experiment> experiments) {
    String source = source(catalogues);
    SortedMap<String, String> files = Synth.render(source, components, experiments);
    String notes =
        catalogues.stream()
            .map(Catalogue::notes)
            .filter(n -> n != null && !n.isBlank())
            .collect(Collectors.joining("\n"));
    files.put(CatalogueDoc.PATH, CatalogueDoc.render(source, components, experiments, notes));
    return files;
  }

  /** The line naming the components no experiment deploys: worth knowing, not an error. */
  private static String unreferenced(List<Component> components, List<Experiment> experiments) {
    List<String> none = CatalogueDoc.referencedByNone(components, experiments);
    return none.isEmpty()
        ? "synth: every component is deployed by an experiment"
        : "synth: "
            + none.size()
            + " of "
            + components.size()
            + " components are deployed by no experiment: "
            + String.join(", ", none);
  }

  private static String source(List<Catalogue> catalogues) {
    return catalogues.stream().map(c -> c.getClass().getName()).collect(Collectors.joining(", "));
  }

  /**
   * The JSON form: {@code {"check", "components", "experiments", "files", "changes": [{"path",
   * "change", "diff"}], "problems", "valid"}}; the same exit codes as text.
   */
  private int json(
      List<Problem> problems,
      List<Catalogue> catalogues,
      List<Component> components,
      List<Experiment> experiments) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("check", check);
    root.put("components", components.size());
    root.put("experiments", experiments.size());
    boolean valid = problems.stream().noneMatch(Problem::isError);
    int code = 2;
    ArrayNode changes = LabYaml.json().createArrayNode();
    if (valid) {
      SortedMap<String, String> files = files(catalogues, components, experiments);
      root.put("files", files.size());
      ArrayNode unreferenced = root.putArray("unreferenced");
      CatalogueDoc.referencedByNone(components, experiments).forEach(unreferenced::add);
      List<Drift> drift = check ? Synth.drift(root(), files) : Synth.write(root(), files);
      for (Drift d : drift) {
        ObjectNode change =
            changes.addObject().put("path", d.path().toString()).put("change", d.kind().verb());
        if (check) {
          change.put("diff", d.unifiedDiff());
        }
      }
      code = check && !drift.isEmpty() ? 1 : 0;
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

  /** Every catalogue on the classpath, in the order of their class names. */
  private static List<Catalogue> catalogues() {
    List<Catalogue> catalogues = new ArrayList<>();
    ServiceLoader.load(Catalogue.class).forEach(catalogues::add);
    catalogues.sort(Comparator.comparing(c -> c.getClass().getName()));
    return catalogues;
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
      return 1;
    }
    spec.commandLine().getOut().println("synth --check: " + files.size() + " files up to date");
    return 0;
  }

  /** Writes the files, removes those no longer produced, and says what changed. */
  private int write(SortedMap<String, String> files, int components, int experiments) {
    PrintWriter out = spec.commandLine().getOut();
    List<Drift> changes = Synth.write(root(), files);
    changes.forEach(d -> out.println(d.kind().verb() + " " + d.path()));
    long written = changes.stream().filter(d -> d.kind() != Drift.Kind.STALE).count();
    out.printf(
        "synth: %d components, %d experiments, %d CRDs, 1 catalogue page: %d written, %d removed,"
            + " %d unchanged%n",
        components,
        experiments,
        files.size() - components - experiments - 1,
        written,
        changes.size() - written,
        files.size() - written);
    return 0;
  }

  private Path root() {
    if (root != null) {
      return root.toAbsolutePath().normalize();
    }
    String env = System.getenv(ROOT_ENV);
    return Path.of(env == null || env.isBlank() ? "." : env).toAbsolutePath().normalize();
  }
}
