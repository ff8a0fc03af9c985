package io.illm.lab.operator.engine;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Decision;
import io.illm.lab.operator.lifecycle.Lifecycle;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.Ports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One turn of the experiment loop: observe through the ports, {@link Lifecycle#decide decide}, have
 * the shell (the JOSDK reconciler, or a local runner) write the new status, then act through the
 * ports. One engine per process; it keeps no state between turns.
 */
public final class Engine {

  /**
   * The experiment's finalizer: no child exists without it, and it goes only when every child is
   * gone.
   */
  public static final String FINALIZER = "experiments.illm.io/finalizer";

  /** How soon to try again when a port failed an action (the lifecycle decides it again). */
  static final Duration RETRY_FAILED_ACTIONS = Duration.ofSeconds(5);

  private final Ports ports;
  private final Clock clock;
  private final Observer observer;
  private final Actor actor;

  public Engine(Ports ports, Clock clock) {
    this.ports = Objects.requireNonNull(ports, "ports");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.observer = new Observer(ports);
    this.actor = new Actor(ports);
  }

  /**
   * What one turn produced.
   *
   * @param status the new status (a fresh object), as written before acting
   * @param lookAgainIn when to turn again if nothing happens; empty means only on events
   * @param finalizerRemovable the lifecycle confirmed every child gone: the finalizer may go
   * @param failures actions a port failed (decided again next turn), as {@code action: reason}
   */
  public record Outcome(
      ExperimentStatus status,
      Optional<Duration> lookAgainIn,
      boolean finalizerRemovable,
      List<String> failures) {

    public Outcome {
      failures = List.copyOf(failures);
    }
  }

  /**
   * Writes a turn's status before its actions are performed (write-ahead: a crash in between then
   * repeats idempotent actions instead of losing what was decided); throws when it could not, and
   * then nothing is performed.
   */
  @FunctionalInterface
  public interface StatusWriter {
    void write(ExperimentStatus status);
  }

  /**
   * Observes and decides for {@code experiment}, has {@code writeAhead} write the new status, then
   * acts; never throws for a port's failure.
   */
  public Outcome turn(Experiment experiment, StatusWriter writeAhead) {
    Instant now = clock.instant();
    Observation world = observer.observe(experiment, now);
    Decision decision = Lifecycle.decide(experiment.getSpec(), experiment.getStatus(), world, now);
    ExperimentStatus status = decision.status();
    if (ports.simulated()) {
      status.setSimulated(true);
    }
    boolean removable =
        decision.actions().stream().anyMatch(Action.RemoveFinalizer.class::isInstance);
    writeAhead.write(status);
    List<String> failures =
        actor.act(id(experiment), experiment.getSpec(), status, decision.actions());
    Optional<Duration> again = decision.lookAgainIn();
    if (!failures.isEmpty() && again.map(d -> d.compareTo(RETRY_FAILED_ACTIONS) > 0).orElse(true)) {
      again = Optional.of(RETRY_FAILED_ACTIONS);
    }
    if (removable) {
      // the experiment is going: a new one of the same name must collect and store its own run
      ports.metrics().forget(id(experiment));
      ports.results().forget(id(experiment));
    }
    return new Outcome(status, again, removable, failures);
  }

  /**
   * Calls {@code listener} when a child of an experiment changed, so that the shell turns at once.
   */
  public void onChange(Consumer<ExperimentId> listener) {
    ports.changes().subscribe(listener);
  }

  /** The identity the ports know an experiment by. */
  public static ExperimentId id(Experiment experiment) {
    String namespace = experiment.getMetadata().getNamespace();
    return new ExperimentId(
        namespace == null ? "default" : namespace, experiment.getMetadata().getName());
  }
}
