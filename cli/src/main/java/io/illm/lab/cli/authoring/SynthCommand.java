package io.illm.lab.cli.authoring;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.synth.Drift;
import io.illm.lab.synth.Synth;
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
      "Writes experiments/<name>/experiment.yaml, components/<category>/<name>.yaml and",
      "generated-crds/ from every io.illm.lab.dsl.Catalogue on the classpath, and removes",
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
    List<Catalogue> catalogues = new ArrayList<>();
    ServiceLoader.load(Catalogue.class).forEach(catalogues::add);
    catalogues.sort(Comparator.comparing(c -> c.getClass().getName()));
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
    problems.forEach(p -> (p.isError() ? err : out).println(p));
    if (problems.stream().anyMatch(Problem::isError)) {
      err.println(
          "synth: "
              + problems.stream().filter(Problem::isError).count()
              + " errors; nothing written");
      return 2;
    }
    String source =
        catalogues.stream().map(c -> c.getClass().getName()).collect(Collectors.joining(", "));
    SortedMap<String, String> files = Synth.render(source, components, experiments);
    Path base = root();
    if (check) {
      List<Drift> drift = Synth.drift(base, files);
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
      out.println("synth --check: " + files.size() + " files up to date");
      return 0;
    }
    List<Drift> changes = Synth.write(base, files);
    changes.forEach(d -> out.println(d.kind().verb() + " " + d.path()));
    out.printf(
        "synth: %d components, %d experiments, %d CRDs: %d written, %d removed, %d unchanged%n",
        components.size(),
        experiments.size(),
        files.size() - components.size() - experiments.size(),
        changes.stream().filter(d -> d.kind() != Drift.Kind.STALE).count(),
        changes.stream().filter(d -> d.kind() == Drift.Kind.STALE).count(),
        files.size() - changes.stream().filter(d -> d.kind() != Drift.Kind.STALE).count());
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
