package io.illm.lab.cli.authoring;

import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.platform.PlatformCatalogue;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
import io.illm.lab.synth.TemplateFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SortedMap;
import java.util.TreeMap;
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
      "Writes experiments/<name>/experiment.yaml (and workflow-template.yaml),",
      "components/<category>/<name>.yaml and generated-crds/ from every io.illm.lab.dsl.Catalogue",
      "on the classpath, platform/ from every io.illm.lab.platform.PlatformCatalogue, and removes",
      "generated files that are no longer produced. Nothing is written when any definition",
      "is invalid."
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
    List<WorkflowTemplate> templates = new ArrayList<>();
    for (Catalogue catalogue : catalogues) {
      components.addAll(catalogue.components());
      experiments.addAll(catalogue.experiments());
      templates.addAll(catalogue.workflowTemplates());
    }
    List<Problem> problems = new ArrayList<>(Synth.validateBuilt(components, experiments));
    problems.addAll(TemplateFiles.check(experiments, templates));
    problems.forEach(p -> (p.isError() ? err : out).println(p));
    long errors = problems.stream().filter(Problem::isError).count();
    if (errors > 0) {
      err.println("synth: " + errors + " errors; nothing written");
      return 2;
    }
    String source =
        catalogues.stream().map(c -> c.getClass().getName()).collect(Collectors.joining(", "));
    SortedMap<String, String> files =
        new TreeMap<>(Synth.render(source, components, experiments, templates));
    for (PlatformCatalogue platform : platforms()) {
      files.putAll(platform.hub().files(platform.getClass().getName()));
    }
    return check ? check(files) : write(files, components.size(), experiments.size());
  }

  /** Every catalogue on the classpath, in the order of their class names. */
  private static List<Catalogue> catalogues() {
    List<Catalogue> catalogues = new ArrayList<>();
    ServiceLoader.load(Catalogue.class).forEach(catalogues::add);
    catalogues.sort(Comparator.comparing(c -> c.getClass().getName()));
    return catalogues;
  }

  /** Every hub definition on the classpath (platform/), in the order of their class names. */
  static List<PlatformCatalogue> platforms() {
    List<PlatformCatalogue> platforms = new ArrayList<>();
    ServiceLoader.load(PlatformCatalogue.class).forEach(platforms::add);
    platforms.sort(Comparator.comparing(c -> c.getClass().getName()));
    return platforms;
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
        "synth: %d components, %d experiments, %d other files (CRDs, WorkflowTemplates, platform/):"
            + " %d written, %d removed, %d unchanged%n",
        components,
        experiments,
        files.size() - components - experiments,
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
