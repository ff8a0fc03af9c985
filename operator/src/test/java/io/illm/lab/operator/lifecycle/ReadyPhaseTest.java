package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.lifecycle.Row.row;
import static io.illm.lab.operator.testing.Testing.APP_CLAIM;
import static io.illm.lab.operator.testing.Testing.APP_PROM;
import static io.illm.lab.operator.testing.Testing.LOAD_K6;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.WORKFLOW;
import static io.illm.lab.operator.testing.Testing.app;
import static io.illm.lab.operator.testing.Testing.at;
import static io.illm.lab.operator.testing.Testing.deployed;
import static io.illm.lab.operator.testing.Testing.readyCluster;
import static io.illm.lab.operator.testing.Testing.status;
import static io.illm.lab.operator.testing.Testing.twoTargetSpec;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowObservation;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ReadyPhaseTest {

  static final String[] CLEANUP_ALL = {
    "DeleteApplication " + APP_PROM, "DeleteApplication " + LOAD_K6,
    "UnregisterCluster " + APP_CLAIM, "DeleteClusterClaim " + APP_CLAIM
  };

  static final String APP_EGRESS = "tsdb-app-metrics-egress";
  static final String APP_AGENT = "tsdb-app-metrics-agent";

  /** twoTargets with observability on app. */
  static io.illm.lab.model.ExperimentSpec observed() {
    io.illm.lab.model.ExperimentSpec spec = twoTargetSpec();
    spec.getTargets().get(0).setObservability(new io.illm.lab.model.ObservabilitySpec(true, null));
    return spec;
  }

  static Observation clusterReady() {
    return world().withCluster(APP_CLAIM, readyCluster(true));
  }

  static Stream<Row> table() {
    Duration m1 = Duration.ofMinutes(1);
    return Stream.of(
        row(
            "app's component first; load depends on app, so k6 waits",
            twoTargetSpec(),
            status(Phase.READY, T0),
            clusterReady(),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + APP_PROM),
        row(
            "prometheus progressing: k6 still waits",
            twoTargetSpec(),
            status(Phase.READY, T0),
            clusterReady().withApplication(APP_PROM, app(AppState.PROGRESSING)),
            at(m1),
            Phase.READY,
            null),
        row(
            "prometheus degraded: wait (it may heal) until the deadline",
            twoTargetSpec(),
            status(Phase.READY, T0),
            clusterReady().withApplication(APP_PROM, app(AppState.DEGRADED)),
            at(m1),
            Phase.READY,
            null),
        row(
            "prometheus healthy: now k6",
            twoTargetSpec(),
            status(Phase.READY, T0),
            clusterReady().withApplication(APP_PROM, app(AppState.HEALTHY)),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + LOAD_K6),
        row(
            "everything healthy: submit the workflow, Running",
            twoTargetSpec(),
            status(Phase.READY, T0),
            deployed(),
            at(m1),
            Phase.RUNNING,
            Steps.WORKLOAD,
            "SubmitWorkflow " + WORKFLOW),
        row(
            "everything healthy and the workflow already exists: Running without a second submit",
            twoTargetSpec(),
            status(Phase.READY, T0),
            deployed()
                .withWorkflow(
                    new WorkflowObservation(WorkflowState.PENDING, null, null, null, false)),
            at(m1),
            Phase.RUNNING,
            Steps.WORKLOAD),
        row(
            "WorkflowTemplate missing: Failed before the run, everything deleted",
            twoTargetSpec(),
            status(Phase.READY, T0),
            deployed()
                .withWorkflow(
                    new WorkflowObservation(WorkflowState.ABSENT, null, null, null, true)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "unknown component: Failed, everything deleted",
            twoTargetSpec(),
            status(Phase.READY, T0),
            deployed().withMissingComponents(Set.of("k6")),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            CLEANUP_ALL),
        row(
            "deploying deadline (20m) missed",
            twoTargetSpec(),
            status(Phase.READY, T0),
            clusterReady().withApplication(APP_PROM, app(AppState.DEGRADED)),
            at(Duration.ofMinutes(20)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteApplication " + APP_PROM,
            "UnregisterCluster " + APP_CLAIM,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "observability: the metrics backhaul layer first, the workload waits for it",
            observed(),
            status(Phase.READY, T0),
            clusterReady(),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + APP_EGRESS,
            "CreateApplication " + APP_AGENT),
        row(
            "observability: backhaul progressing, the workload still waits",
            observed(),
            status(Phase.READY, T0),
            clusterReady()
                .withApplication(APP_EGRESS, app(AppState.HEALTHY))
                .withApplication(APP_AGENT, app(AppState.PROGRESSING)),
            at(m1),
            Phase.READY,
            null),
        row(
            "observability: backhaul healthy, now the workload",
            observed(),
            status(Phase.READY, T0),
            clusterReady()
                .withApplication(APP_EGRESS, app(AppState.HEALTHY))
                .withApplication(APP_AGENT, app(AppState.HEALTHY)),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + APP_PROM),
        row(
            "observability: a target is healthy only with its backhaul, so k6 waits for it too",
            observed(),
            status(Phase.READY, T0),
            clusterReady().withApplication(APP_PROM, app(AppState.HEALTHY)),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + APP_EGRESS,
            "CreateApplication " + APP_AGENT),
        row(
            "the cluster disappeared after it was ready: Failed",
            twoTargetSpec(),
            status(Phase.READY, T0),
            world().withApplication(APP_PROM, app(AppState.HEALTHY)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteApplication " + APP_PROM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    row.check();
  }

  @Test
  void theWorkflowGetsTheUsersParamsPlusTheExperimentAndEveryEndpoint() {
    Decision d =
        Lifecycle.decide(
            twoTargetSpec(), status(Phase.READY, T0), deployed(), at(Duration.ofMinutes(1)));
    SubmitWorkflow submit =
        (SubmitWorkflow)
            d.actions().stream().filter(a -> a instanceof SubmitWorkflow).findFirst().orElseThrow();
    assertEquals("load-test", submit.template());
    assertEquals(
        Map.of(
            "rate",
            "100",
            "experiment-name",
            "tsdb",
            "app-endpoint",
            "https://10.0.0.1",
            "load-endpoint",
            RunningPhase.HUB_ENDPOINT),
        submit.params());
    assertEquals(WORKFLOW, d.status().getWorkflowStatus().getName());
  }
}
