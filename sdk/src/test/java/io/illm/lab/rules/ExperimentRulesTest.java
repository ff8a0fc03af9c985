package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertNoProblems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentRulesTest {

  @Test
  void theFixtureIsValid() {
    assertNoProblems(ExperimentRules.check(Specs.NAME, Specs.valid()));
    assertNoProblems(ExperimentRules.check(Specs.NAME, Specs.valid(), Specs.catalogue()));
  }

  @Test
  void everyProblemIsReturnedAtOnceSortedWithoutAFile() {
    ExperimentSpec spec = Specs.valid();
    spec.getTargets().get(1).setName("app");
    spec.getTargets().get(1).setDepends(null);
    spec.getBudget().setMaxUSD(-1.0);
    spec.getDeadlines().setRunning("5h");
    List<Problem> problems = ExperimentRules.check(Specs.NAME, spec);
    assertEquals(
        List.of("spec.budget.maxUSD", "spec.deadlines.running", "spec.targets[1].name"),
        problems.stream().map(Problem::path).toList());
    assertTrue(problems.stream().allMatch(p -> p.file().isEmpty()));
  }

  @Test
  void withACatalogueTheReferencesAreCheckedToo() {
    ExperimentSpec spec = Specs.valid();
    spec.getTargets().get(0).getComponents().add(new ComponentRef("nothing", null, null, null));
    assertNoProblems(ExperimentRules.check(Specs.NAME, spec));
    List<Problem> all = ExperimentRules.check(Specs.NAME, spec, Specs.catalogue());
    List<Problem> expected = new ArrayList<>(ExperimentRules.check(Specs.NAME, spec));
    expected.addAll(ExperimentRules.references(spec, Specs.catalogue()));
    assertEquals(expected.stream().sorted(Problem.ORDER).toList(), all);
    assertEquals(1, all.size(), ProblemAssertions.show(all));
  }

  @Test
  void aMissingSpecIsOneProblem() {
    List<Problem> problems = ExperimentRules.check(Specs.NAME, null, Specs.catalogue());
    assertEquals(1, problems.size(), ProblemAssertions.show(problems));
    assertEquals(
        "spec: an experiment needs a spec (add spec with targets and a workflow)",
        problems.get(0).toString());
  }
}
