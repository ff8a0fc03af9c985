package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static io.illm.lab.rules.ProblemAssertions.assertWarning;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.names.ExperimentNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names derived for the operator's child objects, through {@link ExperimentRules}. */
class DerivedNameRulesTest {

  private static final String LONG = "a-rather-long-experiment-name"; // 29: "<name>-app" won't fit

  @Test
  void aClusterNameOver29CharactersIsShortenedWithAWarning() {
    Problem problem =
        assertWarning(
            ExperimentRules.check(LONG, Specs.valid()), "spec.targets[0].name", "cluster name");
    assertTrue(
        problem.message().contains(ExperimentNames.clusterName(LONG, "app")), problem.message());
  }

  @Test
  void aHubTargetGetsNoClusterNameWarning() {
    List<Problem> problems = ExperimentRules.check(LONG, Specs.valid());
    assertTrue(
        problems.stream().noneMatch(p -> p.path().equals("spec.targets[1].name")),
        ProblemAssertions.show(problems));
  }

  @Test
  void aLongWorkflowNameIsShortenedWithAWarning() {
    assertWarning(
        ExperimentRules.check("e".repeat(62), Specs.valid()), "metadata.name", "Workflow name");
  }

  @Test
  void componentsWhoseApplicationsWouldShareANameAreAnError() {
    ExperimentSpec spec = Specs.valid();
    spec.getTargets()
        .get(0)
        .getComponents()
        .set(1, new ComponentRef("kube-prometheus-stack", null, null, null));
    assertError(
        ExperimentRules.check(Specs.NAME, spec),
        "spec.targets[0].components[1]",
        "Application name \"tsdb-comparison-app-kube-prometheus-stack\" is also derived for"
            + " spec.targets[0].components[0]");
  }

  @Test
  void withoutANameThereIsNothingToDerive() {
    ProblemAssertions.assertNoProblems(ExperimentRules.check(null, Specs.valid()));
    ProblemAssertions.assertNoProblems(ExperimentRules.check("e".repeat(64), Specs.valid()));
  }
}
