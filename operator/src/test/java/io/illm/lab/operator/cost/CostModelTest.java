package io.illm.lab.operator.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Budget;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetStatus;
import io.illm.lab.operator.cost.CostModel.Estimate;
import io.illm.lab.operator.cost.CostModel.Rate;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.Steps;
import io.illm.lab.results.Cost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostModelTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private final CostModel costs = CostModel.standard();

  private static Target target(String name, ClusterSpec cluster) {
    return new Target(name, cluster, null, null, null);
  }

  private static ClusterSpec cluster(
      Provider provider, String machineType, Integer nodes, Boolean spot) {
    return new ClusterSpec(provider, spot, null, null, machineType, nodes, null, null);
  }

  @Test
  void aDefaultGkeClusterPaysItsNodeTheSystemNodeAndTheControlPlane() {
    Rate rate = costs.rate(target("app", cluster(Provider.GKE, null, null, null)));

    assertEquals(0.10 + 0.033503 + 0.033503, rate.usdPerHour(), 1e-9);
    assertEquals("1 x e2-medium + 1 x e2-medium system + control plane", rate.detail());
  }

  @Test
  void preemptibleNodesAreCheaperButTheSystemNodeAndControlPlaneAreNot() {
    double onDemand =
        costs.rate(target("a", cluster(Provider.GKE, "e2-standard-4", 3, false))).usdPerHour();
    double spot =
        costs.rate(target("a", cluster(Provider.GKE, "e2-standard-4", 3, true))).usdPerHour();

    assertTrue(spot < onDemand, spot + " < " + onDemand);
    assertEquals(0.10 + 3 * 0.134012 + 0.033503, onDemand, 1e-9);
    assertEquals(0.10 + 3 * 0.040204 + 0.033503, spot, 1e-9);
  }

  @Test
  void aRegionalGkeClusterRunsItsNodesInThreeZones() {
    ClusterSpec regional =
        new ClusterSpec(Provider.GKE, null, null, "us-central1", "n2-standard-4", 2, null, null);

    Rate rate = costs.rate(target("a", regional));

    assertEquals(0.10 + 6 * 0.194236 + 3 * 0.033503, rate.usdPerHour(), 1e-9);
  }

  @Test
  void eksHasNoSystemNodeAndAksNoControlPlaneFee() {
    assertEquals(
        0.10 + 2 * 0.096,
        costs.rate(target("a", cluster(Provider.EKS, null, 2, null))).usdPerHour(),
        1e-9);
    assertEquals(
        0.096 + 0.0416,
        costs.rate(target("a", cluster(Provider.AKS, null, null, null))).usdPerHour(),
        1e-9);
  }

  @Test
  void theHubCostsNothing() {
    assertEquals(
        0.0,
        costs
            .rate(
                target(
                    "load",
                    new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null)))
            .usdPerHour());
  }

  @Test
  void anUnknownShapeIsReportedNotGuessed() {
    Rate rate = costs.rate(target("app", cluster(Provider.GKE, "n2-custom-6-20480", null, null)));

    assertNull(rate.usdPerHour());
    assertEquals(
        "gke machine type n2-custom-6-20480 is not in the price table (add it to "
            + "operator/src/main/resources/prices/prices.json)",
        rate.detail());
  }

  @Test
  void aShapeThatCannotBeSpotHasNoSpotPrice() {
    Rate rate = costs.rate(target("app", cluster(Provider.AKS, "Standard_B2s", null, true)));

    assertNull(rate.usdPerHour());
    assertTrue(rate.detail().contains("has no spot price"), rate.detail());
  }

  @Test
  void theLongestLifeIsTheSmallerOfTotalAndThePhasesPlusTheLongerRetention() {
    ExperimentSpec spec = new ExperimentSpec();
    assertEquals(
        Duration.ofMinutes(30 + 20 + 120 + 15),
        CostModel.longestLife(spec),
        "defaults: phases under 6h");

    spec.setDeadlines(new Deadlines(null, null, null, null, "1h"));
    assertEquals(Duration.ofHours(1), CostModel.longestLife(spec));

    spec.setCleanup(
        new CleanupPolicy(
            new CleanupRule(CleanupAction.RETAIN, "2h"),
            new CleanupRule(CleanupAction.RETAIN, "30m")));
    assertEquals(Duration.ofHours(3), CostModel.longestLife(spec));

    spec.setCleanup(new CleanupPolicy(null, new CleanupRule(CleanupAction.RETAIN, null)));
    assertEquals(
        Duration.ofHours(2), CostModel.longestLife(spec), "retain without retainFor keeps 1h");
  }

  @Test
  void theEstimateIsTheHourlyCostOverTheLongestLife() {
    ExperimentSpec spec =
        spec(
            target("app", cluster(Provider.GKE, "e2-standard-4", 1, true)),
            target(
                "load", new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null)));
    spec.setDeadlines(new Deadlines(null, null, null, null, "2h"));

    Estimate estimate = costs.estimate(spec);

    double hourly = 0.10 + 0.040204 + 0.033503;
    assertEquals(hourly, estimate.hourlyUSD(), 1e-9);
    assertEquals(Duration.ofHours(2), estimate.longest());
    assertEquals(2 * hourly, estimate.estimatedUSD(), 1e-9);
    assertEquals(List.of(), estimate.unknown());
  }

  @Test
  void oneUnknownTargetMakesTheEstimateUnknownWithTheReason() {
    Estimate estimate =
        costs.estimate(
            spec(
                target("app", cluster(Provider.EKS, "x9.huge", null, null)),
                target("db", cluster(Provider.EKS, null, null, null))));

    assertNull(estimate.estimatedUSD());
    assertNull(estimate.hourlyUSD());
    assertEquals(
        List.of(
            "target app: eks machine type x9.huge is not in the price table (add it to "
                + "operator/src/main/resources/prices/prices.json)"),
        estimate.unknown());
  }

  @Test
  void anEmptySpecHasAnUnknownCostAndNoError() {
    assertEquals(Observation.Cost.UNKNOWN, costs.observe(new ExperimentSpec(), null, T0));
    assertEquals(Observation.Cost.UNKNOWN, costs.observe(null, null, T0));
  }

  @Test
  void clustersLiveFromTheStartToTheirConfirmedDeletion() {
    ExperimentStatus status = started();
    assertEquals(Duration.ofMinutes(90), CostModel.lived(status, T0.plus(Duration.ofMinutes(90))));

    status.setStep(Steps.CLEANED);
    status.setStepStartedAt(T0.plus(Duration.ofHours(2)).toString());
    assertEquals(Duration.ofHours(2), CostModel.lived(status, T0.plus(Duration.ofHours(10))));
  }

  @Test
  void aRunThatNeverRecordedItsTargetsCreatedNothing() {
    ExperimentStatus status = started();
    status.setTargets(null);

    assertEquals(Duration.ZERO, CostModel.lived(status, T0.plus(Duration.ofHours(1))));
    assertEquals(Duration.ZERO, CostModel.lived(null, T0));
  }

  @Test
  void theSummaryCostHasTheActualCostPerTargetTheBudgetAndWhatIsLeftOut() {
    ExperimentSpec spec =
        spec(
            target("app", cluster(Provider.GKE, null, null, null)),
            target("db", cluster(Provider.EKS, null, null, null)));
    spec.setBudget(new Budget(5.0));

    Cost cost = costs.summary(spec, started(), T0.plus(Duration.ofHours(2)));

    assertEquals(Map.of("app", 2 * 0.167006, "db", 2 * 0.196), cost.perTarget());
    assertEquals(2 * (0.167006 + 0.196), cost.actualUSD(), 1e-9);
    assertEquals(0.167006 + 0.196, cost.hourlyUSD(), 1e-9);
    assertEquals(5.0, cost.budgetUSD());
    assertEquals(PriceTable.bundled().name(), cost.priceTable());
    assertEquals(CostModel.LEFT_OUT, cost.note());
  }

  @Test
  void theStatusCostMovesByCentsTheSummaryKeepsMillionths() {
    ExperimentSpec spec = spec(target("app", cluster(Provider.GKE, null, null, null)));
    Instant now = T0.plus(Duration.ofMinutes(7)); // 0.167006 $/h for 7 min: $0.019484

    assertEquals(0.02, costs.observe(spec, started(), now).spentUSD());
    assertEquals(
        costs.observe(spec, started(), now).spentUSD(),
        costs.observe(spec, started(), now.plusSeconds(30)).spentUSD(),
        "half a minute more costs less than the status shows: no new status to write");
    assertEquals(0.019484, costs.summary(spec, started(), now).actualUSD());
  }

  @Test
  void theSummaryNamesWhatIsUnknown() {
    Cost cost =
        costs.summary(
            spec(target("app", cluster(Provider.GKE, "mystery", null, null))), started(), T0);

    assertNull(cost.actualUSD());
    assertTrue(
        cost.note()
            .endsWith(
                "; unknown: target app: gke machine type mystery is not in the price table"
                    + " (add it to operator/src/main/resources/prices/prices.json)"),
        cost.note());
  }

  private static ExperimentSpec spec(Target... targets) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(new ArrayList<>(List.of(targets)));
    return spec;
  }

  private static ExperimentStatus started() {
    ExperimentStatus status = new ExperimentStatus();
    status.setStartedAt(T0.toString());
    status.setTargets(
        new ArrayList<>(
            List.of(new TargetStatus("app", "Ready", "x-app", null, null, null, null, null))));
    return status;
  }
}
