package io.illm.lab.operator.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.operator.lifecycle.Action;
import io.illm.lab.operator.lifecycle.Action.AddFinalizer;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Action.EventType;
import io.illm.lab.operator.lifecycle.Action.RemoveFinalizer;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.ports.ExperimentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorTest {

  private static final ExperimentId ID = new ExperimentId("lab", "tsdb");

  private final SimWorld world =
      new SimWorld(SimClock.manual(Instant.parse("2026-11-27T00:00:00Z")), SimTimings.INSTANT);
  private final Actor actor = new Actor(world.ports());

  @Test
  void aFailedActionDoesNotStopTheOthers() {
    world.clusters.failNextChanges(1);
    List<Action> actions =
        List.of(
            new CreateClusterClaim("app", "tsdb-app", new ClusterSpec()),
            new CreateApplication(
                "load", "tsdb-load-k6", new ComponentRef("k6", null, null, null), "hub", "tsdb"),
            new EmitEvent(EventType.NORMAL, "Started", "go"));

    List<String> failures = actor.act(ID, null, new ExperimentStatus(), actions);

    assertEquals(
        List.of(
            "CreateClusterClaim[target=app, name=tsdb-app, shape="
                + new ClusterSpec()
                + "]: clusters: simulated transient error on a change (0 more to come)"),
        failures);
    assertEquals(Map.of(), world.clusters.existing());
    assertEquals(Map.of("tsdb-load-k6", AppState.HEALTHY), world.deployments.existing());
    assertEquals(List.of("Started"), world.events.reasons(ID));
  }

  @Test
  void actingTwiceChangesTheWorldOnce() {
    List<Action> actions = List.of(new CreateClusterClaim("app", "tsdb-app", new ClusterSpec()));

    actor.act(ID, null, new ExperimentStatus(), actions);
    actor.act(ID, null, new ExperimentStatus(), actions);

    assertEquals(Map.of("tsdb-app", ClusterState.READY), world.clusters.existing());
  }

  @Test
  void theFinalizerIsTheShellsBusiness() {
    assertEquals(
        List.of(),
        actor.act(
            ID, null, new ExperimentStatus(), List.of(new AddFinalizer(), new RemoveFinalizer())));
  }
}
