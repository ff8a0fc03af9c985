package io.illm.lab.operator.lifecycle;

import io.fabric8.kubernetes.api.model.Condition;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The status conditions, derived at the end of every decision from the phase, the step and what
 * went wrong: Ready, Progressing, Degraded, and SpecChanged once the spec was edited mid-run.
 */
final class Conditions {

  static final String READY = "Ready";
  static final String PROGRESSING = "Progressing";
  static final String DEGRADED = "Degraded";
  static final String SPEC_CHANGED = "SpecChanged";

  private Conditions() {}

  static void summarize(Turn t) {
    ExperimentStatus s = t.status;
    String where = where(t);
    boolean active = !t.terminal() || Steps.CLEANING_UP.equals(s.getStep());
    set(t, PROGRESSING, active, where, s.getMessage());
    String readiness =
        switch (t.phase()) {
          case COMPLETE -> Reasons.SUCCEEDED;
          case FAILED -> "Failed";
          default -> where;
        };
    set(t, READY, t.phase() == Phase.COMPLETE, readiness, s.getMessage());
    degraded(t);
    specChanged(t);
    s.getConditions().sort(Comparator.comparing(Condition::getType));
  }

  /** The reason naming where the experiment is: its phase or, inside a phase, its step. */
  static String where(Turn t) {
    String step = t.status.getStep();
    if (step != null) {
      return step;
    }
    return switch (t.phase()) {
      case READY -> "Deploying";
      default -> t.phase().value();
    };
  }

  private static void degraded(Turn t) {
    if (t.phase() == Phase.FAILED) {
      String reason =
          t.failureReason() != null
              ? t.failureReason()
              : find(t.status, DEGRADED)
                  .filter(c -> "True".equals(c.getStatus()))
                  .map(Condition::getReason)
                  .orElse("Failed");
      set(t, DEGRADED, true, reason, t.status.getMessage());
    } else if (t.holdReason() != null) {
      set(t, DEGRADED, true, t.holdReason(), t.holdMessage());
    } else {
      set(t, DEGRADED, false, Reasons.AS_EXPECTED, null);
    }
  }

  private static void specChanged(Turn t) {
    String recorded = t.status.getSpecHash();
    String current = t.world.meta().specHash();
    if (recorded != null && current != null && !recorded.equals(current)) {
      set(
          t,
          SPEC_CHANGED,
          true,
          Reasons.SPEC_CHANGED,
          "the spec was edited after the run started (hash "
              + recorded
              + ", now "
              + current
              + "); a run never switches specs midway: recreate the experiment to run the new spec");
    } else if (find(t.status, SPEC_CHANGED).isPresent()) {
      set(t, SPEC_CHANGED, false, Reasons.SPEC_MATCHES, "the spec is the one the run started with");
    }
  }

  static Optional<Condition> find(ExperimentStatus status, String type) {
    if (status.getConditions() == null) {
      return Optional.empty();
    }
    return status.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** Sets a condition; its lastTransitionTime moves only when its status does. */
  private static void set(Turn t, String type, boolean value, String reason, String message) {
    if (t.status.getConditions() == null) {
      t.status.setConditions(new ArrayList<>());
    }
    List<Condition> conditions = t.status.getConditions();
    String status = value ? "True" : "False";
    Condition c =
        find(t.status, type)
            .orElseGet(
                () -> {
                  Condition created = new Condition();
                  created.setType(type);
                  conditions.add(created);
                  return created;
                });
    if (!Objects.equals(c.getStatus(), status) || c.getLastTransitionTime() == null) {
      c.setLastTransitionTime(t.now.toString());
    }
    c.setStatus(status);
    c.setReason(reason);
    c.setMessage(message);
    c.setObservedGeneration(t.world.meta().generation());
  }
}
