package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.testing.Testing;
import java.time.Instant;
import java.util.List;

/**
 * One line of a lifecycle table: (spec, status, observation, now) → (phase, step, actions but
 * events). Its name is what JUnit shows.
 */
record Row(
    String name,
    ExperimentSpec spec,
    ExperimentStatus status,
    Observation world,
    Instant now,
    Phase phase,
    String step,
    List<String> actions) {

  static Row row(
      String name,
      ExperimentSpec spec,
      ExperimentStatus status,
      Observation world,
      Instant now,
      Phase phase,
      String step,
      String... actions) {
    return new Row(name, spec, status, world, now, phase, step, List.of(actions));
  }

  /** Decides and checks the outcome; returns the decision for further checks. */
  Decision check() {
    Decision d = Lifecycle.decide(spec, status, world, now);
    assertEquals(
        phase, d.status().getPhase(), name + ": phase (message: " + d.status().getMessage() + ")");
    assertEquals(step, d.status().getStep(), name + ": step");
    assertEquals(actions, Testing.withoutEvents(d.actions()), name + ": actions");
    return d;
  }

  @Override
  public String toString() {
    return name;
  }
}
