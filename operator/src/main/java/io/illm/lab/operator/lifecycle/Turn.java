package io.illm.lab.operator.lifecycle;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One decision in the making: the inputs, the fresh status the phases edit, the actions they add
 * and the earliest time to look again. Lives for one call of {@link Lifecycle#decide}.
 */
final class Turn {

  final ExperimentSpec spec;
  final ExperimentStatus status;
  final Observation world;
  final Instant now;
  private final List<Action> actions = new ArrayList<>();
  private Duration lookAgainIn;
  private String failureReason;
  private String holdReason;
  private String holdMessage;

  Turn(ExperimentSpec spec, ExperimentStatus status, Observation world, Instant now) {
    this.spec = spec;
    this.status = status;
    this.world = world;
    this.now = now;
  }

  String experiment() {
    return world.meta().name();
  }

  Phase phase() {
    return status.getPhase() == null ? Phase.PENDING : status.getPhase();
  }

  boolean terminal() {
    return phase() == Phase.COMPLETE || phase() == Phase.FAILED;
  }

  void act(Action action) {
    actions.add(action);
  }

  void event(EventType type, String reason, String message) {
    actions.add(new EmitEvent(type, reason, message));
  }

  /** Asks to decide again within {@code delay} at the latest; the earliest request wins. */
  void lookAgainIn(Duration delay) {
    Duration bounded = delay.isNegative() ? Duration.ZERO : delay;
    if (lookAgainIn == null || bounded.compareTo(lookAgainIn) < 0) {
      lookAgainIn = bounded;
    }
  }

  /** Moves to a non-terminal phase; its deadline counts from now. */
  void enter(Phase phase, String step, String reason, String message) {
    status.setPhase(phase);
    status.setPhaseStartedAt(now.toString());
    status.setMessage(message);
    step(step);
    event(EventType.NORMAL, reason, message);
    lookAgainIn(Duration.ZERO);
  }

  void step(String step) {
    status.setStep(step);
    status.setStepStartedAt(step == null ? null : now.toString());
  }

  /** Ends the run successfully: Complete, then retention or cleanup per spec.cleanup.onComplete. */
  void complete(String message) {
    end(Phase.COMPLETE, message);
    event(EventType.NORMAL, Reasons.SUCCEEDED, message);
  }

  /** Ends the run as Failed with a reason; cleanup still runs (per spec.cleanup.onFailure). */
  void fail(String reason, String message) {
    if (terminal()) {
      return;
    }
    failureReason = reason;
    // nothing is created for a run that just ended (cleanup would only delete it again)
    actions.removeIf(Turn::creates);
    end(Phase.FAILED, message);
    event(EventType.WARNING, reason, message);
  }

  private void end(Phase phase, String message) {
    // the deadlines of the phase just left no longer matter
    lookAgainIn = null;
    status.setPhase(phase);
    status.setPhaseStartedAt(now.toString());
    status.setCompletedAt(now.toString());
    status.setMessage(message);
    status.setResourcesCleaned(false);
    boolean retain =
        !world.meta().deletionRequested()
            && !PhaseDeadlines.retention(spec, phase == Phase.COMPLETE).isZero();
    step(retain ? Steps.RETAINING : Steps.CLEANING_UP);
  }

  private static boolean creates(Action a) {
    return a instanceof Action.CreateClusterClaim
        || a instanceof Action.RegisterCluster
        || a instanceof Action.CreateApplication
        || a instanceof Action.SubmitWorkflow
        || a instanceof Action.CollectMetrics
        || a instanceof Action.StoreResults;
  }

  /** Keeps everything as it is for now (the observation cannot be trusted); shown as Degraded. */
  void hold(String reason, String message) {
    holdReason = reason;
    holdMessage = message;
  }

  String failureReason() {
    return failureReason;
  }

  String holdReason() {
    return holdReason;
  }

  String holdMessage() {
    return holdMessage;
  }

  /** The status entry of a target, created when missing. */
  TargetStatus target(String name) {
    if (status.getTargets() == null) {
      status.setTargets(new ArrayList<>());
    }
    for (TargetStatus t : status.getTargets()) {
      if (t != null && name.equals(t.getName())) {
        return t;
      }
    }
    TargetStatus created = new TargetStatus();
    created.setName(name);
    status.getTargets().add(created);
    return created;
  }

  /** An RFC 3339 time from the status; empty when missing or unreadable. */
  static Optional<Instant> time(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** How long since an RFC 3339 time of the status; zero when it is missing. */
  Duration since(String text) {
    return time(text).map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
  }

  Decision decision() {
    return new Decision(status, actions, Optional.ofNullable(lookAgainIn));
  }
}
