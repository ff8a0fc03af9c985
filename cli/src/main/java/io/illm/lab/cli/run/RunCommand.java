package io.illm.lab.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ExperimentChoice;
import io.illm.lab.cli.ExperimentChoice.Chosen;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Tutorials;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Target;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.rules.Problem;
import io.illm.lab.site.SiteBuilder;
import io.illm.lab.validate.ComponentCatalogue;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run EXPERIMENT}: validates an experiment, then runs it on an embedded hub (an in-process
 * API server, the operator on its Kubernetes ports, simulated controllers acting on the children),
 * prints its progress and its outcome, and shuts everything down.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs an experiment on an embedded hub and prints its progress and outcome.",
      "",
      "With no cluster configured (for now: always) the hub starts in this process: an in-memory"
          + " Kubernetes API server, the operator on its Kubernetes ports, and SIMULATED Crossplane, ArgoCD and"
          + " Argo Workflows acting on the experiment's child objects in that server (no cloud, no cluster, no"
          + " pod; metrics and results are simulated in memory; the numbers are not results). Progress goes to"
          + " stderr, one line per change; the outcome to stdout.",
      "",
      "A manual-completion experiment (a tutorial) is ended by the command: once its workflow has"
          + " succeeded it sends the completion signal (the annotation experiments.illm.io/complete),"
          + " as a learner would, and the outcome says so."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the experiment ended Complete",
      "1:it ended Failed, or timed out",
      "2:invalid experiment or usage; nothing was started"
    })
public final class RunCommand implements Callable<Integer> {

  /** With typical timings hello-app (about 21 simulated minutes) takes about 4 s. */
  static final double DEFAULT_TIME_FACTOR = HubRun.DEFAULT_TIME_FACTOR;

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    human,
    json
  }

  @Spec private CommandSpec spec;

  @Mixin private ExperimentChoice choice = new ExperimentChoice();

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "human",
      description =
          "human or json (one object with the final status on stdout). Default: ${DEFAULT-VALUE}.")
  private Output output = Output.human;

  @Option(
      names = "--time-factor",
      paramLabel = "N",
      defaultValue = "300",
      description =
          "How many times faster than real time the simulated world runs. Default: ${DEFAULT-VALUE}"
              + " (an 8-minute cluster is ready in 1.6 s).")
  private double timeFactor = DEFAULT_TIME_FACTOR;

  @Option(
      names = "--instant",
      description = "Every simulated controller answers at once (the fastest run).")
  private boolean instant;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description =
          "Give up after this long in real time, e.g. 30s or 2m. Default: the experiment's total"
              + " deadline at the time factor, at most 2m.")
  private String timeout;

  @Option(
      names = "--fail-cluster",
      paramLabel = "TARGET",
      description = "Demo: the cluster of this target fails to provision. Repeatable.")
  private List<String> failClusters = new ArrayList<>();

  @Option(names = "--fail-workflow", description = "Demo: the workflow fails.")
  private boolean failWorkflow;

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Collect the metrics from this Prometheus (or VictoriaMetrics) HTTP API, e.g. http://127.0.0.1:9090,"
              + " over the real seconds the simulated workflow ran. Default: a simulated Prometheus on loopback.")
  private URI prometheus;

  @Option(
      names = "--site",
      paramLabel = "DIR",
      description =
          "Build the results site of every run under the results folder here. Default: .lab/site under the"
              + " lab root.")
  private Path site;

  @Option(names = "--no-site", description = "Do not build the results site.")
  private boolean noSite;

  @Option(
      names = "--results",
      paramLabel = "DIR",
      description =
          "Keep the run's summary.json and raw query answers under this folder. Default: .lab/results"
              + " under the lab root.")
  private Path results;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    List<String> usage = new ArrayList<>();
    Optional<Duration> limit = timeLimit(usage);
    if (!usage.isEmpty()) {
      return stop(err, usage);
    }
    Optional<Chosen> chosen = load(err);
    if (chosen.isEmpty()) {
      return ExitCodes.INVALID;
    }
    Experiment experiment = chosen.get().experiment().orElseThrow();
    Duration timeLimit =
        limit.orElseGet(() -> settings(choice.lab().root()).defaultTimeout(experiment));
    return run(choice.lab().root(), experiment, chosen.get().catalogue(), timeLimit);
  }

  /** {@code --timeout} and {@code --time-factor} checked; what is wrong goes to {@code usage}. */
  private Optional<Duration> timeLimit(List<String> usage) {
    if (!(timeFactor > 0) || Double.isInfinite(timeFactor)) {
      usage.add("run: --time-factor must be a number greater than 0, got " + timeFactor);
    }
    return timeout == null ? Optional.empty() : Optional.ofNullable(parseTimeout(timeout, usage));
  }

  /**
   * The experiment, validated, with the {@code --fail-cluster} targets checked; empty (with every
   * problem printed) when it cannot run.
   */
  private Optional<Chosen> load(PrintWriter err) {
    Chosen chosen = choice.choose("run");
    chosen.note().ifPresent(note -> err.println("run: " + note));
    List<Problem> problems = new ArrayList<>(chosen.problems());
    chosen.experiment().ifPresent(e -> problems.addAll(unknownTargets(chosen.label(), e)));
    if (chosen.experiment().isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      stop(err, problems.stream().map(Problem::toString).toList());
      return Optional.empty();
    }
    problems.forEach(err::println); // warnings
    return Optional.of(chosen);
  }

  /**
   * Runs the experiment on an embedded hub until it ends or the limit passes, one progress line per
   * change on stderr, and reports.
   */
  private int run(Path labRoot, Experiment experiment, ComponentCatalogue catalogue, Duration limit)
      throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    announce(experiment, err);
    HubRun.Result result;
    Tutorials.Notice tutorial = new Tutorials.Notice();
    try {
      result =
          HubRun.run(
              labRoot,
              experiment,
              catalogue,
              settings(labRoot),
              limit,
              (current, time) -> {
                err.println(Progress.line(current, time));
                tutorial.next(current).forEach(err::println);
                err.flush();
              });
    } catch (HubRun.HubFailure e) {
      err.println("run: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILED;
    }
    return report(labRoot, experiment, result);
  }

  /** What the options ask of the simulated world. */
  private HubRun.Settings settings(Path labRoot) {
    return new HubRun.Settings(
        instant,
        timeFactor,
        failClusters,
        failWorkflow,
        Optional.ofNullable(prometheus),
        resultsFolder(labRoot));
  }

  /** The first line on stderr: what runs where, and how fast. */
  private void announce(Experiment experiment, PrintWriter err) {
    err.println(
        "run: "
            + experiment.getMetadata().getName()
            + " on an embedded hub (in-process API server, SIMULATED controllers"
            + (prometheus == null ? " and metrics, " : ", metrics from " + prometheus + ", ")
            + (instant ? "instant timings" : "typical timings " + format(timeFactor) + "x faster")
            + ")");
    ManualCompletion.announcement(experiment).ifPresent(err::println);
    err.flush();
  }

  /** Builds the site and prints the outcome on stdout; the exit code. */
  private int report(Path labRoot, Experiment experiment, HubRun.Result result) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> noOutcome = result.noOutcome("raise --timeout or --time-factor");
    Experiment last = result.last().orElse(experiment);
    Optional<Path> index = buildSite(labRoot, last.getStatus(), err);
    if (output == Output.json) {
      ObjectNode json = RunReport.json(last, noOutcome, result.timeline());
      index.ifPresent(i -> json.put("site", i.toUri().toString()));
      result.manualEnd(experiment).ifPresent(how -> json.put("ended", how));
      out.println(Progress.oneLine(json));
    } else {
      RunReport.summary(last, noOutcome).forEach(out::println);
      result.manualEnd(experiment).ifPresent(how -> out.println("  ended: " + how));
      index.ifPresent(i -> out.println("  site: " + i.toUri()));
    }
    out.flush();
    return result.complete() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /**
   * Builds the results site from every run kept in the results folder, when this run stored
   * results; a site that cannot be built is reported and does not change the outcome.
   */
  private Optional<Path> buildSite(Path labRoot, ExperimentStatus last, PrintWriter err) {
    if (noSite
        || last == null
        || last.getResultsURL() == null
        || !last.getResultsURL().startsWith("file:")) {
      return Optional.empty();
    }
    Path out = site != null ? site : labRoot.resolve(".lab").resolve("site");
    SiteBuilder.Site built = SiteBuilder.build(List.of(resultsFolder(labRoot)), out);
    built.problems().forEach(p -> err.println("run: site: " + p));
    err.flush();
    return Optional.ofNullable(built.index());
  }

  /** Where the run's results go. */
  private Path resultsFolder(Path labRoot) {
    return results != null ? results : labRoot.resolve(FolderResultsStore.DEFAULT_FOLDER);
  }

  private List<Problem> unknownTargets(String label, Experiment parsed) {
    List<String> known =
        parsed.getSpec().getTargets() == null
            ? List.of()
            : parsed.getSpec().getTargets().stream().map(Target::getName).toList();
    return failClusters.stream()
        .filter(t -> !known.contains(t))
        .map(
            t ->
                Problem.error(
                    label,
                    "spec.targets",
                    "--fail-cluster " + t + ": no such target",
                    "use one of: " + String.join(", ", known)))
        .toList();
  }

  private static Duration parseTimeout(String text, List<String> usage) {
    try {
      Duration d = Durations.parse(text);
      if (d.isZero()) {
        usage.add("run: --timeout must be longer than 0s");
      }
      return d;
    } catch (IllegalArgumentException e) {
      usage.add("run: --timeout " + text + ": not a duration like 30s, 2m or 1h30m");
      return null;
    }
  }

  private static int stop(PrintWriter err, List<String> lines) {
    lines.forEach(err::println);
    err.println("run: nothing was started");
    err.flush();
    return ExitCodes.INVALID;
  }

  private static String format(double factor) {
    return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
  }
}
