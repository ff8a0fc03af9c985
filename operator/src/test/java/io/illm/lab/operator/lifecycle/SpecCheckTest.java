package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.CleanupRule;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecCheckTest {

  @Test
  void theSampleIsFine() {
    assertEquals(List.of(), SpecCheck.problems(SampleExperiments.twoTargets()));
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    ExperimentSpec spec =
        SampleExperiments.spec(
            CompletionMode.WORKFLOW,
            SampleExperiments.target("a", Provider.GKE, List.of("ghost", "b")),
            SampleExperiments.target("b", Provider.HUB, List.of("a")),
            SampleExperiments.target("a", null, List.of()));
    spec.getTargets().get(1).getComponents().add(new ComponentRef("x", "y", null, null));
    spec.getWorkflow().setTemplate(" ");
    spec.setDeadlines(new Deadlines("ten minutes", null, null, null, null));
    spec.setCleanup(new CleanupPolicy(new CleanupRule(CleanupAction.RETAIN, "200h"), null));
    assertEquals(
        List.of(
            "spec.targets[1].components[0]: set exactly one of app, workflow and config",
            "spec.targets[2].name: duplicate target \"a\"",
            "spec.targets[2].cluster.provider: missing (gke, eks, aks or hub)",
            "spec.targets[0].depends[0]: \"ghost\" is not another target of this experiment (targets: a, b)",
            "spec.targets: depends form a cycle a -> b -> a (remove one of these depends)",
            "spec.workflow.template: missing (name a WorkflowTemplate)",
            "spec.deadlines.provisioning: \"ten minutes\" is not a duration of at most a year (write e.g. 30m, 1h30m, 90s)",
            "spec.cleanup.onComplete.retainFor: longer than 168h (retain at most a week)"),
        SpecCheck.problems(spec));
  }

  @Test
  void noTargetsAndNoWorkflow() {
    assertEquals(
        List.of("spec.targets: empty (add at least one target)", "spec.workflow: missing"),
        SpecCheck.problems(new ExperimentSpec()));
  }
}
