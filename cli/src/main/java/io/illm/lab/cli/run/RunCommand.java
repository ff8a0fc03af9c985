package io.illm.lab.cli.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.illm.lab.cli.ExperimentChoice;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.Subcommand;
import io.illm.lab.cli.follow.Follower;
import io.illm.lab.cli.follow.Follower.Deleted;
import io.illm.lab.cli.follow.Follower.Ended;
import io.illm.lab.cli.follow.Follower.Lost;
import io.illm.lab.cli.follow.Follower.Outcome;
import io.illm.lab.cli.follow.Follower.TimedOut;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.hub.EmbeddedHub;
import io.illm.lab.hub.controllers.SimControllers;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Durations;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Target;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.lifecycle.ChildNames;
import io.illm.lab.operator.lifecycle.CurrentDeadline;
import io.illm.lab.rules.Problem;
import io.illm.lab.site.SiteBuilder;
import io.illm.lab.validate.ComponentCatalogue;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
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
    exitCodeOnInvalidInput = RunCommand.INVALID,
    exitCodeOnExecutionException = RunCommand.FAILED,
    description = {
      "Runs an experiment on an embedded hub and prints its progress and outcome.",
      "",
      "With no cluster configured (for now: always) the hub starts in this process: an in-memory"
          + " Kubernetes API server, the operator on its Kubernetes ports, and SIMULATED Crossplane, ArgoCD and"
          + " Argo Workflows acting on the experiment's child objects in that server (no cloud, no cluster, no"
          + " pod; metrics and results are simulated in memory; the numbers are not results). Progress goes to"
          + " stderr, one line per change; the outcome to stdout."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the experiment ended Complete",
      "1:it ended Failed, or timed out",
      "2:invalid experiment or usage; nothing was started"
    })
public final class RunCommand implements Callable<Integer>, Subcommand {

  public static final int COMPLETE = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  /** With typical timings hello-app (about 21 simulated minutes) takes about 4 s. */
  static final double DEFAULT_TIME_FACTOR = 300;

  /** The longest a run waits by default, in real time, whatever the experiment's total deadline. */
  static final Duration REAL_TIME_CAP = Duration.ofMinutes(2);

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
    List<String> usage = new ArrayList<>(choice.usageProblems("run"));
    Optional<Duration> limit = timeLimit(usage);
    if (!usage.isEmpty()) {
      return stop(err, usage);
    }
    ComponentCatalogue catalogue = choice.catalogue();
    Optional<Experiment> experiment = load(choice.file().orElseThrow(), catalogue, err);
    if (experiment.isEmpty()) {
      return INVALID;
    }
    Duration timeLimit = limit.orElseGet(() -> defaultTimeout(experiment.get()));
    return run(choice.lab().root(), experiment.get(), catalogue, timeLimit);
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
  private Optional<Experiment> load(Path file, ComponentCatalogue catalogue, PrintWriter err) {
    String label = LabFiles.display(file);
    List<Problem> problems = new ArrayList<>();
    Experiment parsed = LabFiles.load(file, label, catalogue, problems);
    if (parsed != null) {
      problems.addAll(unknownTargets(label, parsed));
    }
    if (parsed == null || problems.stream().anyMatch(Problem::isError)) {
      stop(err, problems.stream().map(Problem::toString).toList());
      return Optional.empty();
    }
    problems.forEach(err::println); // warnings
    return Optional.of(parsed);
  }

  /**
   * Starts the hub, runs the experiment on it until it ends or the limit passes, stops the hub,
   * reports.
   */
  private int run(Path labRoot, Experiment experiment, ComponentCatalogue catalogue, Duration limit)
      throws InterruptedException {
    PrintWriter err = spec.commandLine().getErr();
    experiment.getMetadata().setNamespace(EmbeddedHub.NAMESPACE);
    announce(experiment, err);
    Instant realStart = Instant.now();
    EmbeddedHub hub;
    try {
      hub = EmbeddedHub.start(labRoot);
    } catch (RuntimeException e) {
      err.println("run: the embedded hub did not start: " + e.getMessage());
      err.flush();
      return FAILED;
    }
    Timeline time;
    Outcome outcome;
    try (hub) {
      prepare(hub, experiment, catalogue);
      time = startOperator(hub, labRoot, realStart);
      failures(experiment.getMetadata().getName(), hub.controllers());
      hub.client().resource(experiment).create();
      outcome = follow(hub, experiment, limit, time, err);
    } catch (RuntimeException e) {
      err.println("run: the embedded hub stopped answering: " + e.getMessage());
      err.flush();
      return FAILED;
    }
    return report(labRoot, experiment, outcome, time);
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
    err.flush();
  }

  /**
   * The catalogue's Components and the experiment's WorkflowTemplate in the hub's API server: the
   * lab's own (synthesized under experiments/), else a placeholder without steps.
   */
  private void prepare(EmbeddedHub hub, Experiment experiment, ComponentCatalogue catalogue) {
    hub.publish(catalogue.names().stream().map(n -> catalogue.find(n).orElseThrow()).toList());
    if (experiment.getSpec().getWorkflow() == null
        || experiment.getSpec().getWorkflow().getTemplate() == null) {
      return;
    }
    String template = experiment.getSpec().getWorkflow().getTemplate();
    Optional<GenericKubernetesResource> found =
        choice.lab().workflowTemplate(template, choice.file().orElseThrow());
    if (found.isPresent()) {
      hub.publishWorkflowTemplate(found.get());
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "run: no WorkflowTemplate \""
              + template
              + "\" in the lab: a simulated placeholder without steps stands in");
      err.flush();
      hub.simulateWorkflowTemplate(template);
    }
  }

  /**
   * Starts the operator and the simulated controllers on a compressed clock that starts now, not
   * while the API server started; the timeline of the progress lines.
   */
  private Timeline startOperator(EmbeddedHub hub, Path labRoot, Instant realStart) {
    Instant operatorStart = Instant.now();
    Instant simStart = operatorStart.truncatedTo(ChronoUnit.SECONDS);
    SimClock clock = SimClock.compressed(simStart, timeFactor);
    // a real Prometheus knows real time only: ask it about the real seconds a simulated window took
    UnaryOperator<Instant> window =
        prometheus == null
            ? UnaryOperator.identity()
            : sim ->
                operatorStart.plusNanos(
                    (long) (Duration.between(simStart, sim).toNanos() / timeFactor));
    hub.startOperator(
        clock,
        instant ? SimTimings.INSTANT : SimTimings.TYPICAL,
        timeFactor,
        1,
        Optional.ofNullable(prometheus),
        new FolderResultsStore(resultsFolder(labRoot)),
        window);
    return new Timeline.Simulated(Clock.systemUTC(), realStart, clock, simStart);
  }

  /** One progress line on stderr per change, until the experiment ends or the limit passes. */
  private static Outcome follow(
      EmbeddedHub hub, Experiment experiment, Duration limit, Timeline time, PrintWriter err)
      throws InterruptedException {
    return Follower.atMost(hub.client(), limit)
        .follow(
            EmbeddedHub.NAMESPACE,
            experiment.getMetadata().getName(),
            current -> {
              err.println(Progress.line(current, time));
              err.flush();
            });
  }

  /** Builds the site and prints the outcome on stdout; the exit code. */
  private int report(Path labRoot, Experiment experiment, Outcome outcome, Timeline time) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Optional<String> noOutcome = noOutcome(outcome);
    Experiment last = last(outcome).orElse(experiment);
    Optional<Path> index = buildSite(labRoot, last.getStatus(), err);
    if (output == Output.json) {
      ObjectNode json = RunReport.json(last, noOutcome, time);
      index.ifPresent(i -> json.put("site", i.toUri().toString()));
      out.println(Progress.oneLine(json));
    } else {
      RunReport.summary(last, noOutcome).forEach(out::println);
      index.ifPresent(i -> out.println("  site: " + i.toUri()));
    }
    out.flush();
    return outcome instanceof Ended ended && ended.complete() ? COMPLETE : FAILED;
  }

  /** The last state the follow saw, if it saw one. */
  private static Optional<Experiment> last(Outcome outcome) {
    if (outcome instanceof Ended ended) {
      return Optional.of(ended.experiment());
    }
    if (outcome instanceof Deleted deleted) {
      return Optional.of(deleted.experiment());
    }
    return outcome instanceof TimedOut timedOut ? timedOut.lastSeen() : Optional.empty();
  }

  /** Why a run that did not end Complete or Failed has no outcome; empty when it has one. */
  private static Optional<String> noOutcome(Outcome outcome) {
    if (outcome instanceof TimedOut timedOut) {
      return Optional.of(
          "gave up after "
              + Progress.duration(timedOut.after())
              + " of real time in phase "
              + timedOut.lastSeen().map(Progress::phase).orElse(Phase.PENDING)
              + " (raise --timeout or --time-factor)");
    }
    if (outcome instanceof Deleted) {
      return Optional.of("the experiment was deleted from the embedded hub");
    }
    if (outcome instanceof Lost lost) {
      return Optional.of("the embedded hub stopped answering: " + lost.reason());
    }
    return Optional.empty();
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

  /** The failure switches the options asked for. */
  private void failures(String name, SimControllers controllers) {
    for (String target : failClusters) {
      controllers
          .crossplane()
          .fail(
              ChildNames.clusterClaim(name, target),
              "simulated failure (--fail-cluster " + target + ")");
    }
    if (failWorkflow) {
      controllers
          .argoWorkflows()
          .fail(ChildNames.workflow(name), "simulated failure (--fail-workflow)");
    }
  }

  /**
   * The total deadline at the time factor, plus a little for starting, at most {@link
   * #REAL_TIME_CAP}.
   */
  private Duration defaultTimeout(Experiment experiment) {
    Duration total = CurrentDeadline.total(experiment.getSpec());
    Duration scaled = Duration.ofMillis((long) (total.toMillis() / timeFactor)).plusSeconds(10);
    return scaled.compareTo(REAL_TIME_CAP) > 0 ? REAL_TIME_CAP : scaled;
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
    return INVALID;
  }

  private static String format(double factor) {
    return factor == Math.rint(factor) ? Long.toString((long) factor) : Double.toString(factor);
  }
}
