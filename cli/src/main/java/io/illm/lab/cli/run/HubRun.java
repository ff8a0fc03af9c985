package io.illm.lab.cli.run;

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
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.lifecycle.CurrentDeadline;
import io.illm.lab.validate.ComponentCatalogue;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * One validated experiment on an embedded hub, from starting the hub to the outcome: an in-process
 * API server, the operator on its Kubernetes ports, simulated controllers acting on the children, a
 * simulated (or given) Prometheus, the run's summary in a results folder. What {@code ./lab run}
 * and {@code ./lab mcp} share; it prints nothing.
 */
public final class HubRun {

  /** Says what a run on the embedded hub is, and that its numbers are not measurements. */
  public static final String SIMULATED_NOTE = RunReport.SIMULATED;

  /** With typical timings hello-app (about 21 simulated minutes) takes about 4 s. */
  public static final double DEFAULT_TIME_FACTOR = 300;

  /** The longest a run waits by default, in real time, whatever the experiment's total deadline. */
  public static final Duration REAL_TIME_CAP = Duration.ofMinutes(2);

  /**
   * How the simulated world behaves.
   *
   * @param instant every simulated controller answers at once (else typical timings)
   * @param timeFactor how many times faster than real time the simulated clock runs
   * @param failClusters targets whose cluster fails to provision
   * @param failWorkflow the workflow fails
   * @param prometheus collect from this Prometheus instead of a simulated one
   * @param results the folder the run's summary goes to
   */
  public record Settings(
      boolean instant,
      double timeFactor,
      List<String> failClusters,
      boolean failWorkflow,
      Optional<URI> prometheus,
      Path results) {

    public Settings {
      failClusters = List.copyOf(failClusters);
    }

    /**
     * The total deadline at the time factor, plus a little for starting, at most {@link
     * #REAL_TIME_CAP}.
     */
    public Duration defaultTimeout(Experiment experiment) {
      Duration total = CurrentDeadline.total(experiment.getSpec());
      Duration scaled = Duration.ofMillis((long) (total.toMillis() / timeFactor)).plusSeconds(10);
      return scaled.compareTo(REAL_TIME_CAP) > 0 ? REAL_TIME_CAP : scaled;
    }
  }

  /**
   * How a run ended.
   *
   * @param outcome how following it ended
   * @param timeline the real and simulated times of its lines
   */
  public record Result(Outcome outcome, Timeline timeline) {

    /** True when the experiment ended Complete. */
    public boolean complete() {
      return outcome instanceof Ended ended && ended.complete();
    }

    /** The last state seen, if any was. */
    public Optional<Experiment> last() {
      if (outcome instanceof Ended ended) {
        return Optional.of(ended.experiment());
      }
      if (outcome instanceof Deleted deleted) {
        return Optional.of(deleted.experiment());
      }
      return outcome instanceof TimedOut timedOut ? timedOut.lastSeen() : Optional.empty();
    }

    /**
     * Why a run that did not end Complete or Failed has no outcome, with {@code raise} saying how
     * to give it more time; empty when it has one.
     */
    public Optional<String> noOutcome(String raise) {
      if (outcome instanceof TimedOut timedOut) {
        return Optional.of(
            "gave up after "
                + Progress.duration(timedOut.after())
                + " of real time in phase "
                + timedOut.lastSeen().map(Progress::phase).orElse(Phase.PENDING)
                + " ("
                + raise
                + ")");
      }
      if (outcome instanceof Deleted) {
        return Optional.of("the experiment was deleted from the embedded hub");
      }
      if (outcome instanceof Lost lost) {
        return Optional.of("the embedded hub stopped answering: " + lost.reason());
      }
      return Optional.empty();
    }
  }

  /** The embedded hub did not start, or stopped answering; the message says which. */
  public static final class HubFailure extends Exception {
    private static final long serialVersionUID = 1L;

    HubFailure(String message) {
      super(message);
    }
  }

  private HubRun() {}

  /**
   * Starts a hub, runs {@code experiment} (valid, its catalogue {@code catalogue}) on it until it
   * ends or {@code limit} (real time) passes, handing {@code shown} each change worth a line (with
   * the run's timeline), and stops the hub. {@code labRoot} is where the hub finds the CRDs.
   */
  public static Result run(
      Path labRoot,
      Experiment experiment,
      ComponentCatalogue catalogue,
      Settings settings,
      Duration limit,
      BiConsumer<Experiment, Timeline> shown)
      throws InterruptedException, HubFailure {
    experiment.getMetadata().setNamespace(EmbeddedHub.NAMESPACE);
    Instant realStart = Instant.now();
    EmbeddedHub hub;
    try {
      hub = EmbeddedHub.start(labRoot);
    } catch (RuntimeException e) {
      throw new HubFailure("the embedded hub did not start: " + e.getMessage());
    }
    try (hub) {
      prepare(hub, experiment, catalogue);
      Timeline time = startOperator(hub, settings, realStart);
      failures(experiment.getMetadata().getName(), hub.controllers(), settings);
      hub.client().resource(experiment).create();
      Outcome outcome =
          Follower.atMost(hub.client(), limit)
              .follow(
                  EmbeddedHub.NAMESPACE,
                  experiment.getMetadata().getName(),
                  current -> shown.accept(current, time));
      return new Result(outcome, time);
    } catch (RuntimeException e) {
      throw new HubFailure("the embedded hub stopped answering: " + e.getMessage());
    }
  }

  /** The catalogue's Components and a placeholder WorkflowTemplate in the hub's API server. */
  private static void prepare(
      EmbeddedHub hub, Experiment experiment, ComponentCatalogue catalogue) {
    hub.publish(catalogue.names().stream().map(n -> catalogue.find(n).orElseThrow()).toList());
    if (experiment.getSpec().getWorkflow() != null
        && experiment.getSpec().getWorkflow().getTemplate() != null) {
      hub.simulateWorkflowTemplate(experiment.getSpec().getWorkflow().getTemplate());
    }
  }

  /**
   * Starts the operator and the simulated controllers on a compressed clock that starts now, not
   * while the API server started; the timeline of the progress lines.
   */
  private static Timeline startOperator(EmbeddedHub hub, Settings settings, Instant realStart) {
    Instant operatorStart = Instant.now();
    Instant simStart = operatorStart.truncatedTo(ChronoUnit.SECONDS);
    double factor = settings.timeFactor();
    SimClock clock = SimClock.compressed(simStart, factor);
    // a real Prometheus knows real time only: ask it about the real seconds a simulated window took
    UnaryOperator<Instant> window =
        settings.prometheus().isEmpty()
            ? UnaryOperator.identity()
            : sim ->
                operatorStart.plusNanos(
                    (long) (Duration.between(simStart, sim).toNanos() / factor));
    hub.startOperator(
        clock,
        settings.instant() ? SimTimings.INSTANT : SimTimings.TYPICAL,
        factor,
        1,
        settings.prometheus(),
        new FolderResultsStore(settings.results()),
        window);
    return new Timeline.Simulated(Clock.systemUTC(), realStart, clock, simStart);
  }

  /** The failure switches the settings ask for. */
  private static void failures(String name, SimControllers controllers, Settings settings) {
    for (String target : settings.failClusters()) {
      controllers
          .crossplane()
          .fail(
              ExperimentNames.clusterName(name, target),
              "simulated failure (--fail-cluster " + target + ")");
    }
    if (settings.failWorkflow()) {
      controllers
          .argoWorkflows()
          .fail(ExperimentNames.workflowName(name), "simulated failure (--fail-workflow)");
    }
  }
}
