package io.illm.lab.rules;

import static io.illm.lab.rules.ProblemAssertions.assertError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.ExperimentSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What an experiment cannot run without, through {@link ExperimentRules}. */
class RequiredFieldsTest {

  private static List<Problem> with(Consumer<ExperimentSpec> change) {
    ExperimentSpec spec = Specs.valid();
    change.accept(spec);
    return ExperimentRules.check(Specs.NAME, spec);
  }

  @Test
  void atLeastOneTarget() {
    assertError(with(s -> s.setTargets(null)), "spec.targets", "needs at least one target");
    assertError(
        with(s -> s.setTargets(new ArrayList<>())), "spec.targets", "needs at least one target");
  }

  @Test
  void everyTargetHasANameAndAClusterProvider() {
    assertError(
        with(s -> s.getTargets().get(0).setName(" ")), "spec.targets[0].name", "needs a name");
    assertError(
        with(s -> s.getTargets().get(0).setCluster(null)),
        "spec.targets[0].cluster",
        "target \"app\" has no cluster");
    assertEquals(
        "gke, eks, aks or hub",
        assertError(
                with(s -> s.getTargets().get(1).getCluster().setProvider(null)),
                "spec.targets[1].cluster.provider",
                "target \"loadgen\" has no cluster provider")
            .hint());
    assertError(with(s -> s.getTargets().set(1, null)), "spec.targets[1]", "a target is empty");
  }

  @Test
  void aWorkflowWithItsTemplateAndCompletion() {
    assertError(with(s -> s.setWorkflow(null)), "spec.workflow", "needs a workflow");
    assertError(
        with(s -> s.getWorkflow().setTemplate("")),
        "spec.workflow.template",
        "names no WorkflowTemplate");
    assertError(
        with(s -> s.getWorkflow().setCompletion(null)),
        "spec.workflow.completion",
        "nothing says what ends the Running phase");
  }

  @Test
  void everyMetricHasAQuery() {
    assertError(
        with(s -> s.getMetrics().getQueries().get(1).setQuery(" ")),
        "spec.metrics.queries[1].query",
        "metric \"cpu_total\" has no query");
  }

  @Test
  void anEmptySpecLacksTargetsAndWorkflowOnly() {
    List<Problem> problems = ExperimentRules.check(Specs.NAME, new ExperimentSpec());
    assertEquals(
        List.of("spec.targets", "spec.workflow"), problems.stream().map(Problem::path).toList());
  }
}
