package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.lifecycle.Row.row;
import static io.illm.lab.operator.testing.Testing.APP_CLAIM;
import static io.illm.lab.operator.testing.Testing.APP_PROM;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.at;
import static io.illm.lab.operator.testing.Testing.cluster;
import static io.illm.lab.operator.testing.Testing.readyCluster;
import static io.illm.lab.operator.testing.Testing.status;
import static io.illm.lab.operator.testing.Testing.twoTargetSpec;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ProvisioningPhaseTest {

  static Stream<Row> table() {
    Duration m1 = Duration.ofMinutes(1);
    return Stream.of(
        row(
            "no claim yet: create it; the hub target creates nothing",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world(),
            at(m1),
            Phase.PROVISIONING,
            null,
            "CreateClusterClaim " + APP_CLAIM),
        row(
            "claim provisioning: wait",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.PROVISIONING)),
            at(m1),
            Phase.PROVISIONING,
            null),
        row(
            "claim ready: register it with ArgoCD",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, readyCluster(false)),
            at(m1),
            Phase.PROVISIONING,
            null,
            "RegisterCluster " + APP_CLAIM),
        row(
            "claim ready and registered: deploy its components, every cluster is ready",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, readyCluster(true)),
            at(m1),
            Phase.READY,
            null,
            "CreateApplication " + APP_PROM),
        row(
            "claim failed: Failed, cleanup at once",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.FAILED)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "one claim to create, another failed: Failed, and the first is not created any more",
            twoClusters(),
            status(Phase.PROVISIONING, T0),
            world().withCluster("tsdb-b", cluster(ClusterState.FAILED)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim tsdb-b"),
        row(
            "claim deleted by someone else: Failed",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.DELETING)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP),
        row(
            "provisioning deadline (30m) missed: Failed, the claim is deleted",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.PROVISIONING)),
            at(Duration.ofMinutes(30)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "a minute before the deadline: wait",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.PROVISIONING)),
            at(Duration.ofMinutes(29)),
            Phase.PROVISIONING,
            null),
        row(
            "spec.deadlines.provisioning 5m missed",
            shortDeadline(),
            status(Phase.PROVISIONING, T0),
            world().withCluster(APP_CLAIM, cluster(ClusterState.PROVISIONING)),
            at(Duration.ofMinutes(5)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    row.check();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void failuresSayWhyAndWaitsLookAgainBeforeTheDeadline(Row row) {
    Decision d = row.check();
    if (d.status().getPhase() == Phase.FAILED) {
      String reason = Conditions.find(d.status(), Conditions.DEGRADED).orElseThrow().getReason();
      assertEquals(true, reason.matches("[A-Z][A-Za-z]+"), reason);
    } else {
      assertEquals(true, d.lookAgainIn().orElseThrow().compareTo(Duration.ofMinutes(30)) < 0);
    }
  }

  private static ExperimentSpec twoClusters() {
    return Testing.spec(
        io.illm.lab.model.CompletionMode.WORKFLOW,
        Testing.target("a", io.illm.lab.model.Provider.GKE, java.util.List.of()),
        Testing.target("b", io.illm.lab.model.Provider.EKS, java.util.List.of()));
  }

  private static ExperimentSpec shortDeadline() {
    ExperimentSpec spec = twoTargetSpec();
    Deadlines deadlines = new Deadlines();
    deadlines.setProvisioning("5m");
    spec.setDeadlines(deadlines);
    return spec;
  }
}
