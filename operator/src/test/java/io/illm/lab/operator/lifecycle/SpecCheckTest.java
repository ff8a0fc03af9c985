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
    assertEquals(
        List.of(), SpecCheck.problems(SampleExperiments.NAME, SampleExperiments.twoTargets()));
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
            "spec.cleanup.onComplete.retainFor: retains clusters for 200h, longer than 168h"
                + " (at most 168h (7 days): a retained cluster costs money)",
            "spec.deadlines.provisioning: \"ten minutes\" is not a duration"
                + " (a duration such as 90s, 15m, 2h or 1h30m)",
            "spec.targets[0].depends[0]: depends must name another target of this experiment:"
                + " unknown target \"ghost\" (targets: a, b)",
            "spec.targets[0].depends[1]: depends form a cycle: a -> b -> a"
                + " (remove one of these dependencies)",
            "spec.targets[1].components[0]: set exactly one of app, workflow and config"
                + " (split it into one reference per component)",
            "spec.targets[2].cluster.provider: target \"a\" has no cluster provider"
                + " (gke, eks, aks or hub)",
            "spec.targets[2].name: target names must be unique: \"a\" is also spec.targets[0]"
                + " (rename one of them)",
            "spec.workflow.template: the workflow names no WorkflowTemplate"
                + " (add template: the name of the WorkflowTemplate to run)"),
        SpecCheck.problems(SampleExperiments.NAME, spec));
  }

  @Test
  void noTargetsAndNoWorkflow() {
    assertEquals(
        List.of(
            "spec.targets: an experiment needs at least one target"
                + " (add a target with a name and a cluster)",
            "spec.workflow: an experiment needs a workflow"
                + " (add workflow with a template (the WorkflowTemplate to run) and a completion)"),
        SpecCheck.problems(SampleExperiments.NAME, new ExperimentSpec()));
  }

  @Test
  void aMissingSpecCannotRun() {
    assertEquals(
        List.of("spec: an experiment needs a spec (add spec with targets and a workflow)"),
        SpecCheck.problems(SampleExperiments.NAME, null));
  }

  @Test
  void warningsDoNotStopARun() {
    String longName = "an-experiment-name-that-is-long";
    assertEquals(List.of(), SpecCheck.problems(longName, SampleExperiments.twoTargets()));
  }
}
