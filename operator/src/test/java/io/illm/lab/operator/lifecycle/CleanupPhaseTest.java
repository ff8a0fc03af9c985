package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.lifecycle.Row.row;
import static io.illm.lab.operator.testing.Testing.APP_CLAIM;
import static io.illm.lab.operator.testing.Testing.APP_PROM;
import static io.illm.lab.operator.testing.Testing.LOAD_K6;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.app;
import static io.illm.lab.operator.testing.Testing.at;
import static io.illm.lab.operator.testing.Testing.cluster;
import static io.illm.lab.operator.testing.Testing.deleted;
import static io.illm.lab.operator.testing.Testing.deployed;
import static io.illm.lab.operator.testing.Testing.status;
import static io.illm.lab.operator.testing.Testing.step;
import static io.illm.lab.operator.testing.Testing.twoTargetSpec;
import static io.illm.lab.operator.testing.Testing.withoutFinalizer;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.ClusterObservation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CleanupPhaseTest {

  static final String[] DELETE_ALL = {
    "DeleteApplication " + APP_PROM, "DeleteApplication " + LOAD_K6,
    "UnregisterCluster " + APP_CLAIM, "DeleteClusterClaim " + APP_CLAIM
  };

  /** Ended at T0 with the apps recorded in the status, as a real run leaves it. */
  static ExperimentStatus ended(Phase phase, String step) {
    ExperimentStatus s = status(phase, T0);
    s.setCompletedAt(T0.toString());
    s.getTargets().get(0).setComponents(List.of(Deployment.APPLICATION + APP_PROM));
    s.getTargets().get(1).setComponents(List.of(Deployment.APPLICATION + LOAD_K6));
    return step(s, step, T0);
  }

  static ExperimentSpec retain2h() {
    return Testing.withCleanup(twoTargetSpec(), CleanupAction.RETAIN, "2h");
  }

  static Stream<Row> table() {
    Duration m1 = Duration.ofMinutes(1);
    return Stream.of(
        row(
            "cleaning up: delete everything that exists",
            twoTargetSpec(),
            ended(Phase.FAILED, Steps.CLEANING_UP),
            deployed(),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            DELETE_ALL),
        row(
            "already deleting: do not ask again, do not conclude",
            twoTargetSpec(),
            ended(Phase.FAILED, Steps.CLEANING_UP),
            world()
                .withCluster(APP_CLAIM, cluster(ClusterState.DELETING))
                .withApplication(APP_PROM, app(AppState.DELETING)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP),
        row(
            "claim gone but still registered with ArgoCD: unregister, not cleaned yet",
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANING_UP),
            world()
                .withCluster(
                    APP_CLAIM, new ClusterObservation(ClusterState.GONE, null, null, true)),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANING_UP,
            "UnregisterCluster " + APP_CLAIM),
        row(
            "everything gone: Cleaned, the finalizer goes",
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANING_UP),
            world(),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "cleaned: the finalizer goes (again, harmless)",
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANED),
            world(),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "cleaned and the finalizer is gone: nothing",
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANED),
            withoutFinalizer(world()),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANED),
        row(
            "retaining for 2h: keep everything",
            retain2h(),
            ended(Phase.COMPLETE, Steps.RETAINING),
            deployed(),
            at(Duration.ofMinutes(119)),
            Phase.COMPLETE,
            Steps.RETAINING),
        row(
            "retention over: delete everything",
            retain2h(),
            ended(Phase.COMPLETE, Steps.RETAINING),
            deployed(),
            at(Duration.ofHours(2)),
            Phase.COMPLETE,
            Steps.CLEANING_UP,
            DELETE_ALL),
        row(
            "retaining but the experiment is deleted: delete at once",
            retain2h(),
            ended(Phase.COMPLETE, Steps.RETAINING),
            deleted(deployed()),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANING_UP,
            DELETE_ALL),
        row(
            "retaining with nothing left to retain: Cleaned",
            retain2h(),
            ended(Phase.COMPLETE, Steps.RETAINING),
            world(),
            at(m1),
            Phase.COMPLETE,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "an observation with errors proves nothing is gone: no finalizer removal",
            twoTargetSpec(),
            ended(Phase.FAILED, Steps.CLEANING_UP),
            world().withErrors(List.of("argocd: timeout")),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP),
        row(
            "children remain and the finalizer was lost: put it back",
            twoTargetSpec(),
            ended(Phase.FAILED, Steps.CLEANING_UP),
            withoutFinalizer(world()).withCluster(APP_CLAIM, cluster(ClusterState.DELETING)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "AddFinalizer"),
        row(
            "an Application recorded in the status but no longer in the spec is still deleted",
            Testing.spec(
                io.illm.lab.model.CompletionMode.WORKFLOW,
                Testing.target("app", io.illm.lab.model.Provider.GKE, List.of())),
            ended(Phase.FAILED, Steps.CLEANING_UP),
            world().withApplication(LOAD_K6, app(AppState.HEALTHY)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteApplication " + LOAD_K6));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    row.check();
  }

  @Test
  void cleanedIsRecordedAndReadyStaysTrueForACompleteRun() {
    Decision d =
        Lifecycle.decide(
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANING_UP),
            world(),
            at(Duration.ofMinutes(1)));
    assertEquals(Boolean.TRUE, d.status().getResourcesCleaned());
    assertEquals("True", Conditions.find(d.status(), Conditions.READY).orElseThrow().getStatus());
    assertEquals(
        "False", Conditions.find(d.status(), Conditions.PROGRESSING).orElseThrow().getStatus());
    assertTrue(d.lookAgainIn().isEmpty());
  }

  @Test
  void aSlowCleanupShowsDegradedButGoesOn() {
    Decision d =
        Lifecycle.decide(
            twoTargetSpec(),
            ended(Phase.COMPLETE, Steps.CLEANING_UP),
            world().withCluster(APP_CLAIM, cluster(ClusterState.DELETING)),
            at(Duration.ofMinutes(20)));
    var degraded = Conditions.find(d.status(), Conditions.DEGRADED).orElseThrow();
    assertEquals("True", degraded.getStatus());
    assertEquals(Reasons.CLEANUP_SLOW, degraded.getReason());
    assertEquals(Lifecycle.MAX_BACKOFF, d.lookAgainIn().orElseThrow());
  }
}
