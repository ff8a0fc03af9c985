package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Target names, depends and cluster shapes (CEL twins), through {@link ExperimentRules}. */
class TargetRulesTest {

  private static List<Problem> with(Consumer<ExperimentSpec> change) {
    ExperimentSpec spec = Specs.valid();
    change.accept(spec);
    return ExperimentRules.check(Specs.NAME, spec);
  }

  private static Target target(ExperimentSpec spec, int i) {
    return spec.getTargets().get(i);
  }

  @Test
  void targetNamesAreUnique() {
    assertError(
        with(s -> target(s, 1).setName("app")),
        "spec.targets[1].name",
        "target names must be unique: \"app\" is also spec.targets[0]");
  }

  @Test
  void dependsNameAnotherExistingTarget() {
    Problem unknown =
        assertError(
            with(s -> target(s, 1).setDepends(Specs.list("ap"))),
            "spec.targets[1].depends[0]",
            "unknown target \"ap\"");
    assertEquals("targets: app, loadgen", unknown.hint());
    assertError(
        with(s -> target(s, 1).setDepends(Specs.list("loadgen"))),
        "spec.targets[1].depends[0]",
        "cannot depend on itself");
  }

  @Test
  void aDependsCycleIsReportedOnceWithItsPath() {
    List<Problem> problems = with(s -> target(s, 0).setDepends(Specs.list("loadgen")));
    assertError(
        problems, "spec.targets[0].depends[0]", "depends form a cycle: app -> loadgen -> app");
    assertEquals(
        1,
        problems.stream().filter(p -> p.message().contains("cycle")).count(),
        ProblemAssertions.show(problems));
  }

  @Test
  void aLongerCycleNamesEveryTarget() {
    List<Problem> problems =
        with(
            s -> {
              Target db =
                  new Target(
                      "db",
                      target(s, 1).getCluster(),
                      null,
                      null,
                      new ArrayList<>(List.of("loadgen")));
              s.getTargets().add(db);
              target(s, 0).setDepends(Specs.list("db"));
            });
    assertError(problems, "spec.targets[0].depends[0]", "app -> db -> loadgen -> app");
  }

  @Test
  void aHubTargetHasNoMachineShape() {
    assertError(
        with(s -> target(s, 1).getCluster().setMachineType("e2-medium")),
        "spec.targets[1].cluster.machineType",
        "a hub target uses the hub cluster as it is");
    assertError(
        with(s -> target(s, 1).getCluster().setPreemptible(true)),
        "spec.targets[1].cluster.preemptible",
        "hub");
  }

  @Test
  void zoneIsForGkeOnly() {
    assertError(
        with(s -> target(s, 0).getCluster().setProvider(Provider.EKS)),
        "spec.targets[0].cluster.zone",
        "zone applies to gke only");
  }

  @Test
  void zoneAndRegionAreNotBothSet() {
    assertError(
        with(s -> target(s, 0).getCluster().setRegion("us-central1")),
        "spec.targets[0].cluster",
        "set zone (zonal cluster) or region (regional cluster), not both");
  }
}
