package io.illm.lab.hub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteClusterClaim;
import io.illm.lab.operator.lifecycle.Action.DeleteWorkflow;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulated controllers: timings on the sim clock, failure switches, idempotence,
 * announcements.
 */
class SimWorldTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final ExperimentId EXP = new ExperimentId("lab", "tsdb");
  private static final ExperimentId OTHER = new ExperimentId("lab", "other");
  private static final SimTimings TIMINGS = SimTimings.TYPICAL;

  private final SimWorld world = new SimWorld(SimClock.manual(T0), TIMINGS);
  private final BlockingQueue<ExperimentId> announced = new LinkedBlockingQueue<>();

  SimWorldTest() {
    world.ports().changes().subscribe(announced::add);
  }

  @Test
  void aClaimProvisionsThenIsReadyAndAnnouncesIt() throws InterruptedException {
    world.clusters.create(EXP, claim("tsdb-app"));
    world.clusters.create(OTHER, claim("other-app"));
    announced.clear();

    assertEquals(ClusterState.PROVISIONING, world.clusters.observe(EXP).get("tsdb-app").state());
    assertEquals(1, world.clusters.observe(EXP).size(), "only the experiment's own claims");

    world.clock.advance(TIMINGS.clusterReady());

    ClusterObservation ready = world.clusters.observe(EXP).get("tsdb-app");
    assertEquals(ClusterState.READY, ready.state());
    assertEquals("tsdb-app.sim.illm.invalid", ready.endpoint());
    assertTrue(Boolean.FALSE.equals(ready.registered()));
    assertEquals(EXP, announced.poll(5, TimeUnit.SECONDS));
  }

  @Test
  void creatingTwiceCreatesOnceAndDeletingIsSeenUntilGone() {
    world.clusters.create(EXP, claim("tsdb-app"));
    world.clock.advance(Duration.ofMinutes(5));
    world.clusters.create(EXP, claim("tsdb-app"));
    world.clock.advance(TIMINGS.clusterReady().minus(Duration.ofMinutes(5)));

    assertEquals(
        ClusterState.READY,
        world.clusters.observe(EXP).get("tsdb-app").state(),
        "the second create reset nothing");

    world.clusters.register(EXP, new RegisterCluster("app", "tsdb-app", "x"));
    world.clusters.delete(EXP, new DeleteClusterClaim("tsdb-app"));
    world.clusters.delete(EXP, new DeleteClusterClaim("tsdb-app"));
    assertEquals(ClusterState.DELETING, world.clusters.observe(EXP).get("tsdb-app").state());

    world.clock.advance(TIMINGS.clusterGone());

    assertEquals(
        Map.of("tsdb-app", new ClusterObservation(ClusterState.ABSENT, null, null, true)),
        world.clusters.observe(EXP),
        "the claim is gone, its registration is not");
  }

  @Test
  void aFailedClusterSaysWhy() {
    world.clusters.fail("tsdb-app", "quota exceeded");
    world.clusters.create(EXP, claim("tsdb-app"));
    world.clock.advance(TIMINGS.clusterReady());

    ClusterObservation failed = world.clusters.observe(EXP).get("tsdb-app");

    assertEquals(ClusterState.FAILED, failed.state());
    assertEquals("quota exceeded", failed.message());
    assertNull(failed.endpoint());
  }

  @Test
  void transientErrorsComeThenGo() {
    world.clusters.failNext(2);

    assertThrows(PortException.class, () -> world.clusters.observe(EXP));
    PortException e =
        assertThrows(PortException.class, () -> world.clusters.create(EXP, claim("tsdb-app")));
    assertEquals("clusters: simulated transient error (0 more to come)", e.getMessage());
    assertEquals(Map.of(), world.clusters.observe(EXP));
  }

  @Test
  void aWorkflowRunsThenSucceedsOrFails() {
    world.workflows.submit(EXP, new SubmitWorkflow("tsdb-run", "load-test", Map.of()));
    world.workflows.fail("other-run", "step k6 failed");
    world.workflows.submit(OTHER, new SubmitWorkflow("other-run", "load-test", Map.of()));
    assertEquals(WorkflowState.PENDING, world.workflows.observe(EXP, "load-test").state());

    world.clock.advance(TIMINGS.workflowStart());
    assertEquals(WorkflowState.RUNNING, world.workflows.observe(EXP, "load-test").state());

    world.clock.advance(TIMINGS.workflowRun());
    WorkflowObservation done = world.workflows.observe(EXP, "load-test");
    assertEquals(
        new WorkflowObservation(
            WorkflowState.SUCCEEDED,
            null,
            T0.plus(TIMINGS.workflowStart()).toString(),
            T0.plus(TIMINGS.workflowStart()).plus(TIMINGS.workflowRun()).toString(),
            false),
        done);
    WorkflowObservation failed = world.workflows.observe(OTHER, "load-test");
    assertEquals(WorkflowState.FAILED, failed.state());
    assertEquals("step k6 failed", failed.message());

    world.workflows.delete(EXP, new DeleteWorkflow("tsdb-run"));
    world.clock.advance(TIMINGS.workflowGone());
    assertEquals(WorkflowState.ABSENT, world.workflows.observe(EXP, "load-test").state());
  }

  @Test
  void aRemovedTemplateIsMissing() {
    world.workflows.removeTemplate("load-test");

    assertTrue(world.workflows.observe(EXP, "load-test").templateMissing());
    assertTrue(!world.workflows.observe(EXP, "other").templateMissing());
  }

  @Test
  void everyPortThatProducesResultsSaysItIsSimulated() {
    assertTrue(world.ports().simulated());
  }

  private static CreateClusterClaim claim(String name) {
    return new CreateClusterClaim("app", name, new ClusterSpec());
  }
}
