package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import io.illm.lab.rules.ComponentRefs;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays one {@link Scenario} against {@link Lifecycle#decide}: each choice becomes a world event
 * (progress or failure of a child, deletion, time passing, a transient error, a crash between
 * writing the status and acting, a spec edit, the manual complete signal, a repeated decision),
 * then the engine decides and acts. Afterwards the world settles by itself (timers and controllers
 * only) until the experiment is done. Invariants are checked at every decision.
 */
final class LifecycleReplay {

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SETTLE_STEPS = 2_000;
  private static final Map<Phase, Set<Phase>> NEXT =
      Map.of(
          Phase.PENDING, EnumSet.of(Phase.PENDING, Phase.PROVISIONING, Phase.FAILED),
          Phase.PROVISIONING, EnumSet.of(Phase.PROVISIONING, Phase.READY, Phase.FAILED),
          Phase.READY, EnumSet.of(Phase.READY, Phase.RUNNING, Phase.FAILED),
          Phase.RUNNING, EnumSet.of(Phase.RUNNING, Phase.COMPLETE, Phase.FAILED),
          Phase.COMPLETE, EnumSet.of(Phase.COMPLETE),
          Phase.FAILED, EnumSet.of(Phase.FAILED));

  private final Scenario scenario;
  private final FakeWorld world;
  private ExperimentStatus status;
  private Instant now = T0;
  private int decisions;

  LifecycleReplay(Scenario scenario) {
    this.scenario = scenario;
    Observation initial =
        Observation.of(new Meta(scenario.name(), 1, "spec-1", false, false, Map.of()))
            .withMissingComponents(scenario.missingComponents())
            .withWorkflow(
                new WorkflowObservation(
                    WorkflowState.ABSENT, null, null, null, scenario.templateMissing()))
            .withCost(new Observation.Cost((double) scenario.spec().getTargets().size(), null));
    this.world = new FakeWorld(initial);
  }

  /** Replays the scenario; returns the final status (null if the experiment never got one). */
  ExperimentStatus run() {
    for (int choice : scenario.choices()) {
      if (!world.exists) {
        break;
      }
      event(choice);
    }
    settle();
    checkEnd();
    return status;
  }

  boolean deleted() {
    return !world.exists;
  }

  private void event(int c) {
    List<String> errors = List.of();
    boolean crash = false;
    boolean repeat = false;
    if (c < 20) {
      world.requestDeletion();
    } else if (c < 50) {
      advance(Duration.ofMinutes((c % 7 + 1) * 17L));
    } else if (c < 90) {
      errors = List.of("argocd: connection refused");
    } else if (c < 110) {
      crash = true;
    } else if (c < 114) {
      world.editSpec();
    } else if (c < 130) {
      world.annotateComplete();
    } else if (c < 170) {
      repeat = true;
    } else {
      List<String> inFlight = world.inFlight();
      if (!inFlight.isEmpty()) {
        world.move(inFlight.get(c % inFlight.size()), c % 23 == 0, now);
      }
      advance(Duration.ofSeconds(c % 60));
    }
    if (world.exists) {
      step(errors, crash, repeat);
    }
  }

  /**
   * No more surprises: controllers finish what they do, timers fire, until the experiment is done.
   */
  private void settle() {
    for (int i = 0; i < SETTLE_STEPS && world.exists && !done(); i++) {
      Decision d = step(List.of(), false, false);
      if (!world.exists || done()) {
        return;
      }
      List<String> inFlight = world.inFlight();
      inFlight.forEach(key -> world.move(key, false, now));
      if (inFlight.isEmpty()) {
        if (d.lookAgainIn().isEmpty() && d.actions().isEmpty()) {
          fail("stuck: nothing in flight, no timer, not done; status " + status);
        }
        advance(d.lookAgainIn().orElse(Duration.ZERO));
      } else {
        advance(Duration.ofSeconds(30));
      }
    }
    assertTrue(
        !world.exists || done(), "did not finish in " + SETTLE_STEPS + " steps; status " + status);
  }

  private void advance(Duration by) {
    now = now.plus(by);
    world.charge(by.toSeconds() / 3600.0);
  }

  private boolean done() {
    return status != null
        && Steps.CLEANED.equals(status.getStep())
        && !world.state.meta().finalizerPresent();
  }

  private Decision step(List<String> errors, boolean crash, boolean repeat) {
    Observation seen = world.observe(errors);
    Decision d = Lifecycle.decide(scenario.spec(), status, seen, now);
    decisions++;
    assertEquals(
        d, Lifecycle.decide(scenario.spec(), status, seen, now), "decide is not deterministic");
    if (status != null && decisions % 3 == 0) {
      ExperimentStatus restarted = persisted(status);
      assertEquals(
          d,
          Lifecycle.decide(scenario.spec(), restarted, seen, now),
          "a restarted operator (status read back from the API) decides differently");
    }
    checkDecision(seen, d);
    status = persisted(d.status());
    if (!crash) {
      world.apply(d.actions());
      if (repeat) {
        world.apply(d.actions());
      }
    }
    return d;
  }

  private void checkDecision(Observation seen, Decision d) {
    Phase before = status == null || status.getPhase() == null ? Phase.PENDING : status.getPhase();
    Phase after = d.status().getPhase();
    assertTrue(NEXT.get(before).contains(after), "phase moved " + before + " -> " + after);
    boolean terminal = after == Phase.COMPLETE || after == Phase.FAILED;
    for (Action a : d.actions()) {
      if (a instanceof Action.EmitEvent e) {
        assertFalse(Reasons.INTERNAL_ERROR.equals(e.reason()), e.message());
      }
      if (creates(a)) {
        assertFalse(terminal, "creates after the run ended: " + a);
        assertTrue(seen.meta().finalizerPresent(), "creates before the finalizer is on: " + a);
        assertTrue(seen.errors().isEmpty(), "creates from an incomplete observation: " + a);
      }
      if (a instanceof Action.CreateApplication app) {
        checkDependencies(seen, app);
      }
      if (a instanceof Action.SubmitWorkflow) {
        assertTrue(
            scenario.spec().getTargets().stream().allMatch(t -> healthy(seen, t)),
            "workflow submitted before every target is healthy");
      }
      if (a instanceof Action.RemoveFinalizer) {
        assertTrue(seen.errors().isEmpty(), "finalizer removed on an incomplete observation");
        FakeWorld seenWorld = new FakeWorld(seen);
        assertEquals(List.of(), seenWorld.children(), "finalizer removed while children exist");
        assertEquals(Boolean.TRUE, d.status().getResourcesCleaned());
      }
    }
    FakeWorld once = world.copy();
    once.apply(d.actions());
    FakeWorld twice = world.copy();
    twice.apply(d.actions());
    twice.apply(d.actions());
    assertEquals(once.state, twice.state, "acting twice on one decision changed the world twice");
    assertEquals(once.exists, twice.exists);
  }

  /** The target's cluster is ready and every target it depends on is healthy, as seen. */
  private void checkDependencies(Observation seen, Action.CreateApplication app) {
    Target target = target(app.target());
    assertTrue(
        clusterReady(seen, target), "Application " + app.name() + " before its cluster is ready");
    for (String dependency : target.getDepends()) {
      assertTrue(
          healthy(seen, target(dependency)),
          "Application " + app.name() + " before " + dependency + " is healthy");
    }
  }

  private boolean healthy(Observation seen, Target target) {
    return clusterReady(seen, target)
        && target.getComponents().stream()
            .allMatch(c -> seen.application(appName(target, c)).state() == AppState.HEALTHY);
  }

  private boolean clusterReady(Observation seen, Target target) {
    if (target.getCluster().getProvider() == Provider.HUB) {
      return true;
    }
    ClusterObservation c =
        seen.cluster(ExperimentNames.clusterName(scenario.name(), target.getName()));
    return c.state() == ClusterState.READY && c.registered() && c.endpoint() != null;
  }

  private String appName(Target target, ComponentRef component) {
    return ExperimentNames.applicationName(
        scenario.name(), target.getName(), ComponentRefs.name(component));
  }

  private Target target(String name) {
    return scenario.spec().getTargets().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private void checkEnd() {
    assertEquals(List.of(), world.children(), "children leaked");
    if (world.state.meta().deletionRequested()) {
      assertFalse(world.exists, "deleted experiment still exists (finalizer never removed)");
    }
    if (world.exists) {
      assertTrue(done(), "not done: " + status);
      assertEquals(Boolean.TRUE, status.getResourcesCleaned());
    }
  }

  private static boolean creates(Action a) {
    return a instanceof Action.CreateClusterClaim
        || a instanceof Action.CreateApplication
        || a instanceof Action.SubmitWorkflow
        || a instanceof Action.RegisterCluster;
  }

  /** The status as the API server would give it back: through JSON. */
  private static ExperimentStatus persisted(ExperimentStatus status) {
    try {
      return JSON.readValue(JSON.writeValueAsString(status), ExperimentStatus.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError("status does not survive JSON: " + status, e);
    }
  }
}
