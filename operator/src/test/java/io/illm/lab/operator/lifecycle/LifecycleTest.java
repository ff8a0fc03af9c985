package io.illm.lab.operator.lifecycle;

import static io.illm.lab.operator.lifecycle.Row.row;
import static io.illm.lab.operator.testing.Testing.APP_CLAIM;
import static io.illm.lab.operator.testing.Testing.T0;
import static io.illm.lab.operator.testing.Testing.at;
import static io.illm.lab.operator.testing.Testing.cluster;
import static io.illm.lab.operator.testing.Testing.deleted;
import static io.illm.lab.operator.testing.Testing.status;
import static io.illm.lab.operator.testing.Testing.target;
import static io.illm.lab.operator.testing.Testing.twoTargetSpec;
import static io.illm.lab.operator.testing.Testing.world;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Condition;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Provider;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.testing.Testing;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

  static Observation provisioning() {
    return world().withCluster(APP_CLAIM, cluster(ClusterState.PROVISIONING));
  }

  static Stream<Row> table() {
    Duration m1 = Duration.ofMinutes(1);
    return Stream.of(
        row(
            "deleted during Provisioning: Failed, the claim is deleted",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            deleted(provisioning()),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "deleted before anything exists: Cleaned, the finalizer goes",
            twoTargetSpec(),
            null,
            deleted(world()),
            T0,
            Phase.FAILED,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "deleted before the finalizer was added: nothing to do",
            twoTargetSpec(),
            null,
            deleted(Testing.withoutFinalizer(world())),
            T0,
            Phase.FAILED,
            Steps.CLEANED),
        row(
            "depends cycle: Failed (InvalidSpec), nothing created",
            cycle(),
            null,
            world(),
            T0,
            Phase.FAILED,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "spec edited during Provisioning: Failed (SpecChanged), cleanup",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            Testing.hash(provisioning(), "hash-2"),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "spec edited while Pending: adopted",
            twoTargetSpec(),
            pendingWithHash("hash-0"),
            world(),
            T0,
            Phase.PROVISIONING,
            null),
        row(
            "a port did not answer: hold, conclude nothing",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withErrors(List.of("crossplane: timeout")),
            at(m1),
            Phase.PROVISIONING,
            null),
        row(
            "a port did not answer and the deadline passed: Failed all the same",
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            world().withErrors(List.of("crossplane: timeout")),
            at(Duration.ofMinutes(30)),
            Phase.FAILED,
            Steps.CLEANING_UP),
        row(
            "total deadline (6h) from startedAt",
            twoTargetSpec(),
            startedLongAgo(),
            provisioning(),
            at(Duration.ofHours(6)),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "estimate over budget: Failed before anything is created",
            budget(2.0),
            null,
            world().withCost(new Observation.Cost(3.5, null)),
            T0,
            Phase.FAILED,
            Steps.CLEANED,
            "RemoveFinalizer"),
        row(
            "estimate within budget: start",
            budget(5.0),
            null,
            world().withCost(new Observation.Cost(3.5, null)),
            T0,
            Phase.PROVISIONING,
            null),
        row(
            "spent reaches the budget during Provisioning: Failed, cleanup",
            budget(5.0),
            status(Phase.PROVISIONING, T0),
            provisioning().withCost(new Observation.Cost(3.5, 5.0)),
            at(m1),
            Phase.FAILED,
            Steps.CLEANING_UP,
            "DeleteClusterClaim " + APP_CLAIM),
        row(
            "no spec at all: Failed (InvalidSpec)",
            null,
            null,
            world(),
            T0,
            Phase.FAILED,
            Steps.CLEANED,
            "RemoveFinalizer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void decides(Row row) {
    row.check();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void isDeterministic(Row row) {
    assertEquals(
        Lifecycle.decide(row.spec(), row.status(), row.world(), row.now()),
        Lifecycle.decide(row.spec(), row.status(), row.world(), row.now()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void conditionsHaveSingleWordReasonsAndTheGeneration(Row row) {
    Decision d = Lifecycle.decide(row.spec(), row.status(), row.world(), row.now());
    assertFalse(d.status().getConditions().isEmpty());
    for (Condition c : d.status().getConditions()) {
      assertTrue(
          c.getReason().matches("[A-Z][a-z]+([A-Z][a-z]+)*"), c.getType() + ": " + c.getReason());
      assertEquals(1L, c.getObservedGeneration());
    }
  }

  @Test
  void anInvalidSpecSaysEveryProblemWithItsPath() {
    Decision d = Lifecycle.decide(cycle(), null, world(), T0);
    assertEquals(
        Reasons.INVALID_SPEC,
        Conditions.find(d.status(), Conditions.DEGRADED).orElseThrow().getReason());
    assertTrue(
        d.status()
            .getMessage()
            .contains("spec.targets[0].depends[0]: depends form a cycle: a -> b -> a"),
        d.status().getMessage());
  }

  @Test
  void theRulesCheckASpecUntilItsRunStartsNotAtEveryTurnOfTheRun() {
    // a spec the rules refuse, as one accepted under an older version's rules would be
    Decision started =
        Lifecycle.decide(
            cycle(), status(Phase.PROVISIONING, T0), provisioning(), at(Duration.ofMinutes(1)));
    assertNotEquals(Phase.FAILED, started.status().getPhase(), started.status().getMessage());
    ExperimentStatus unrecorded = status(Phase.PROVISIONING, T0);
    unrecorded.setSpecHash(null);
    Decision checked =
        Lifecycle.decide(cycle(), unrecorded, provisioning(), at(Duration.ofMinutes(1)));
    assertEquals(Phase.FAILED, checked.status().getPhase());
    Decision pending = Lifecycle.decide(cycle(), pendingWithHash(Testing.HASH), world(), T0);
    assertEquals(Phase.FAILED, pending.status().getPhase());
  }

  @Test
  void aSpecEditIsVisibleAsACondition() {
    Decision d =
        Lifecycle.decide(
            twoTargetSpec(),
            status(Phase.PROVISIONING, T0),
            Testing.hash(provisioning(), "hash-2"),
            at(Duration.ofMinutes(1)));
    Condition changed = Conditions.find(d.status(), Conditions.SPEC_CHANGED).orElseThrow();
    assertEquals("True", changed.getStatus());
    assertEquals(
        Reasons.SPEC_CHANGED,
        Conditions.find(d.status(), Conditions.DEGRADED).orElseThrow().getReason());
  }

  @Test
  void transientErrorsBackOffExponentially() {
    Observation broken = world().withErrors(List.of("argocd: connection refused"));
    Decision first =
        Lifecycle.decide(
            twoTargetSpec(), status(Phase.PROVISIONING, T0), broken, at(Duration.ofMinutes(1)));
    assertEquals(Lifecycle.MIN_BACKOFF, first.lookAgainIn().orElseThrow());
    assertEquals(
        Reasons.OBSERVATION_FAILED,
        Conditions.find(first.status(), Conditions.DEGRADED).orElseThrow().getReason());
    Decision later =
        Lifecycle.decide(twoTargetSpec(), first.status(), broken, at(Duration.ofMinutes(3)));
    assertEquals(Duration.ofMinutes(2), later.lookAgainIn().orElseThrow());
    assertTrue(later.actions().isEmpty());
  }

  @Test
  void unreadableTimesInTheStatusDoNotBreakTheDecision() {
    ExperimentStatus garbage = status(Phase.RUNNING, T0);
    garbage.setStartedAt("yesterday");
    garbage.setPhaseStartedAt("");
    garbage.setStepStartedAt("soon");
    Decision d = Lifecycle.decide(twoTargetSpec(), garbage, world(), T0);
    assertEquals(Phase.RUNNING, d.status().getPhase());
    assertTrue(
        d.actions().stream()
            .noneMatch(
                a -> a instanceof Action.EmitEvent e && e.reason().equals(Reasons.INTERNAL_ERROR)));
  }

  @Test
  void aNullObservationIsAnInternalErrorNotAnException() {
    Decision d = Lifecycle.decide(twoTargetSpec(), null, null, T0);
    assertEquals(List.of("Event Warning InternalError"), Testing.describe(d.actions()));
  }

  @Test
  void theCostIsRecordedAndTheBudgetMessageSaysHowToFix() {
    Decision d =
        Lifecycle.decide(budget(2.0), null, world().withCost(new Observation.Cost(3.5, null)), T0);
    assertEquals(3.5, d.status().getCost().getEstimatedUSD());
    assertEquals(
        Reasons.BUDGET_EXCEEDED,
        Conditions.find(d.status(), Conditions.DEGRADED).orElseThrow().getReason());
    assertTrue(
        d.status()
            .getMessage()
            .startsWith("the estimated cost $3.50 exceeds spec.budget.maxUSD $2.00 (raise"),
        d.status().getMessage());
  }

  private static ExperimentSpec budget(double max) {
    ExperimentSpec spec = twoTargetSpec();
    spec.setBudget(new io.illm.lab.model.Budget(max));
    return spec;
  }

  private static ExperimentSpec cycle() {
    return Testing.spec(
        CompletionMode.WORKFLOW,
        target("a", Provider.GKE, List.of("b"), "x"),
        target("b", Provider.HUB, List.of("a"), "y"));
  }

  private static ExperimentStatus pendingWithHash(String hash) {
    ExperimentStatus s = new ExperimentStatus();
    s.setPhase(Phase.PENDING);
    s.setSpecHash(hash);
    return s;
  }

  private static ExperimentStatus startedLongAgo() {
    ExperimentStatus s = status(Phase.PROVISIONING, at(Duration.ofHours(5).plusMinutes(50)));
    s.setStartedAt(T0.toString());
    return s;
  }
}
