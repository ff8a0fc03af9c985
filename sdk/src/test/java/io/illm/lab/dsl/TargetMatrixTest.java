package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Category;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.model.Transport;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.validate.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Providers times variants (times a parameter) as targets, criteria and comparisons. */
class TargetMatrixTest {

  static final Param<String> RETENTION = stringParam("retention");
  static final ComponentDef PROM =
      component("prom", Category.OBSERVABILITY)
          .source(chart("https://charts.example.com", "prom").revision("1.0.0"))
          .parameter(RETENTION);
  static final ComponentDef VM =
      component("vm", Category.OBSERVABILITY)
          .source(chart("https://charts.example.com", "vm").revision("1.0.0"))
          .parameter(RETENTION);
  static final ComponentDef LOAD =
      component("load", Category.APPS).git("https://github.com/example/lab.git", "load", "main");

  static final TargetMatrix TSDBS =
      matrix()
          .on(gke().spot(), eks())
          .variant("prom", PROM, LOAD)
          .variant("vm", VM, LOAD)
          .observability(Transport.TAILSCALE);

  private static ExperimentDef experimentOf(TargetMatrix matrix) {
    return experiment("tsdbs")
        .targets(matrix)
        .workflow(workflow("ingest"))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metric("memory").promql("sum(m{cluster=\"$CLUSTER\"})").perTarget())
        .repetitions(5);
  }

  @Test
  void everyVariantRunsOnEveryClusterUnderADerivedName() {
    Experiment built = experimentOf(TSDBS).build();
    List<Target> targets = built.getSpec().getTargets();
    assertEquals(
        List.of("prom-gke", "prom-eks", "vm-gke", "vm-eks"),
        targets.stream().map(Target::getName).toList());
    assertEquals(TSDBS.names(), targets.stream().map(Target::getName).toList());
    assertEquals("eks", targets.get(3).getCluster().getProvider().value());
    assertEquals(Boolean.TRUE, targets.get(2).getCluster().getPreemptible());
    assertEquals("vm", targets.get(3).getComponents().get(0).getApp());
    assertEquals("load", targets.get(3).getComponents().get(1).getApp());
    assertEquals(Transport.TAILSCALE, targets.get(0).getObservability().getTransport());
    assertEquals("vm-eks", TSDBS.name("vm", "eks"));
  }

  @Test
  void oneCallGivesACriterionPerClusterPairingTheVariants() {
    Experiment built =
        experimentOf(TSDBS)
            .hypothesis(
                hypothesis("vm uses less memory than prom, on gke and on eks")
                    .criteria(TSDBS.expect("memory").of("vm").atMost(0.8).times("prom"))
                    .criteria(TSDBS.expect("memory").of("vm").below("prom").describe("why")))
            .build();
    List<SuccessCriterion> criteria = built.getSpec().getHypothesis().getSuccessCriteria();
    assertEquals(4, criteria.size());
    assertEquals(
        List.of(
            "vm-gke<=0.8*prom-gke", "vm-eks<=0.8*prom-eks", "vm-gke<prom-gke", "vm-eks<prom-eks"),
        criteria.stream().map(TargetMatrixTest::text).toList());
    assertEquals("why", criteria.get(3).getDescription());
  }

  @Test
  void oneCallGivesAComparisonPerClusterWithTheBaselineVariant() {
    Experiment built =
        experimentOf(TSDBS).compare(TSDBS.compare("vm").metrics("memory").against("prom")).build();
    assertEquals(
        List.of(
            new TargetComparison("prom-gke", List.of("vm-gke"), List.of("memory")),
            new TargetComparison("prom-eks", List.of("vm-eks"), List.of("memory"))),
        built.getSpec().getMetrics().getComparisons());
  }

  @Test
  void aParameterAxisMultipliesTheCellsAndSetsTheValueWhereItIsDeclared() {
    TargetMatrix matrix = TSDBS.parameter(RETENTION, "1d", "7d");
    Experiment built =
        experimentOf(matrix)
            .hypothesis(hypothesis("x").criteria(matrix.expect("memory").of("vm").below("prom")))
            .build();
    List<Target> targets = built.getSpec().getTargets();
    assertEquals(8, targets.size());
    assertEquals("prom-gke-1d", targets.get(0).getName());
    assertEquals("vm-eks-7d", targets.get(7).getName());
    assertEquals("7d", targets.get(7).getComponents().get(0).getParams().get("retention"));
    assertEquals(null, targets.get(7).getComponents().get(1).getParams(), "load declares none");
    assertEquals(
        List.of(
            "vm-gke-1d<prom-gke-1d",
            "vm-gke-7d<prom-gke-7d",
            "vm-eks-1d<prom-eks-1d",
            "vm-eks-7d<prom-eks-7d"),
        built.getSpec().getHypothesis().getSuccessCriteria().stream()
            .map(TargetMatrixTest::text)
            .toList());
  }

  @Test
  void namesAreDnsLabelsWithinTheLimit() {
    TargetMatrix matrix =
        matrix()
            .on("GKE Arm!", gke())
            .variant("Victoria Metrics " + "x".repeat(80), VM)
            .variant("prom", PROM);
    List<String> names = matrix.names();
    assertTrue(names.get(0).startsWith("victoria-metrics-xxx"), names.toString());
    assertTrue(names.get(0).length() <= ExperimentNames.MAX_LABEL, names.toString());
    assertTrue(names.get(0).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), names.toString());
    assertEquals("prom-gke-arm", names.get(1));
  }

  @Test
  void mistakesInTheMatrixSayWhat() {
    assertEquals(
        "the matrix has a cluster named \"gke\" already",
        assertThrows(IllegalArgumentException.class, () -> matrix().on(gke(), gke("e2-small")))
            .getMessage());
    assertEquals(
        "the matrix has no variant \"mimir\" (it has: prom, vm)",
        assertThrows(IllegalArgumentException.class, () -> TSDBS.compare("mimir")).getMessage());
    assertEquals(
        "the matrix has no variant \"mimir\" (it has: prom, vm)",
        assertThrows(
                IllegalArgumentException.class,
                () -> TSDBS.expect("memory").of("vm").below("mimir"))
            .getMessage());
    assertThrows(IllegalStateException.class, () -> matrix().on(gke()).names());
  }

  @Test
  void anUndeclaredAxisParameterIsABuildProblemAtItsPath() {
    TargetMatrix matrix = matrix().on(gke()).variant("load", LOAD).parameter(RETENTION, "1d");
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> experimentOf(matrix).build());
    assertTrue(
        e.getMessage().contains("spec.targets[0].components[0].params[\"retention\"]"),
        e.getMessage());
  }

  private static String text(SuccessCriterion c) {
    String op =
        switch (c.getOperator()) {
          case LT -> "<";
          case LTE -> "<=";
          case GT -> ">";
          case GTE -> ">=";
        };
    return c.getTarget() + op + (c.getFactor() == null ? "" : c.getFactor() + "*") + c.getThan();
  }
}
