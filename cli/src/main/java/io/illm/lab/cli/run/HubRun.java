package io.illm.lab.cli.run;

import io.illm.lab.cli.follow.Follower;
import io.illm.lab.cli.follow.Follower.Deleted;
import io.illm.lab.cli.follow.Follower.Ended;
import io.illm.lab.cli.follow.Follower.Outcome;
import io.illm.lab.cli.follow.Follower.TimedOut;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.hub.EmbeddedHub;
import io.illm.lab.hub.controllers.SimControllers;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.lifecycle.ChildNames;
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
 * One experiment on an embedded hub: starts the hub, publishes the components, starts the operator
 * and the simulated controllers, creates the experiment, follows it until it ends or the limit
 * passes, and stops the hub. What {@code ./lab run} and the Java API ({@code LabRunner}) share.
 */
public final class HubRun {

  /** The longest a run waits by default, in real time, whatever the experiment's total deadline. */
  public static final Duration REAL_TIME_CAP = Duration.ofMinutes(2);

  /**
   * How the simulated world behaves.
   *
   * @param timeFactor how many times faster than real time the simulated clock runs
   * @param instant every simulated controller answers at once
   * @param prometheus a real Prometheus to collect from, instead of the simulated one
   * @param results the folder the run's summary goes to
   * @param failClusters targets whose cluster fails to provision
   * @param failWorkflow the workflow fails
   */
  public record Settings(
      double timeFactor,
      boolean instant,
      Optional<URI> prometheus,
      Path results,
      List<String> failClusters,
      boolean failWorkflow) {

    public Settings {
      failClusters = List.copyOf(failClusters);
    }
  }

  /** The hub did not start, or stopped answering; nothing more is known about the run. */
  public static final class HubFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HubFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * How the run ended, and the timeline its progress was told on.
   *
   * @param outcome how following it ended
   * @param time the simulated timeline
   */
  public record Result(Outcome outcome, Timeline time) {

    /** The last state seen, if any. */
    public Optional<Experiment> last() {
      if (outcome instanceof Ended ended) {
        return Optional.of(ended.experiment());
      }
      if (outcome instanceof Deleted deleted) {
        return Optional.of(deleted.experiment());
      }
      return outcome instanceof TimedOut timedOut ? timedOut.lastSeen() : Optional.empty();
    }

    /** True when the experiment ended Complete. */
    public boolean complete() {
      return outcome instanceof Ended ended && ended.complete();
    }
  }

  private HubRun() {}

  /**
   * Runs {@code experiment} (its namespace becomes the hub's) with the components of {@code
   * catalogue}; {@code onChange} hears of every change the follower sees.
   *
   * @throws HubFailure when the hub does not start or stops answering
   */
  public static Result run(
      Path labRoot,
      Experiment experiment,
      ComponentCatalogue catalogue,
      Settings settings,
      Duration limit,
      BiConsumer<Experiment, Timeline> onChange)
      throws InterruptedException {
    experiment.getMetadata().setNamespace(EmbeddedHub.NAMESPACE);
    Instant realStart = Instant.now();
    EmbeddedHub hub;
    try {
      hub = EmbeddedHub.start(labRoot);
    } catch (RuntimeException e) {
      throw new HubFailure("the embedded hub did not start: " + e.getMessage(), e);
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
                  current -> onChange.accept(current, time));
      return new Result(outcome, time);
    } catch (RuntimeException e) {
      throw new HubFailure("the embedded hub stopped answering: " + e.getMessage(), e);
    }
  }

  /**
   * The total deadline at the time factor, plus a little for starting, at most {@link
   * #REAL_TIME_CAP}.
   */
  public static Duration defaultLimit(Experiment experiment, double timeFactor) {
    Duration total = CurrentDeadline.total(experiment.getSpec());
    Duration scaled = Duration.ofMillis((long) (total.toMillis() / timeFactor)).plusSeconds(10);
    return scaled.compareTo(REAL_TIME_CAP) > 0 ? REAL_TIME_CAP : scaled;
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
    double factor = settings.timeFactor();
    Instant operatorStart = Instant.now();
    Instant simStart = operatorStart.truncatedTo(ChronoUnit.SECONDS);
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
              ChildNames.clusterClaim(name, target),
              "simulated failure (--fail-cluster " + target + ")");
    }
    if (settings.failWorkflow()) {
      controllers
          .argoWorkflows()
          .fail(ChildNames.workflow(name), "simulated failure (--fail-workflow)");
    }
  }
}
