package io.illm.lab.operator.engine;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Fixtures for the engine and its shells: small experiments as they would be applied. */
public final class Experiments {

  public static final String NAMESPACE = "lab";

  private Experiments() {}

  /**
   * {@code app} on GKE running prometheus, {@code load} on the hub running k6 after it; a workflow
   * run.
   */
  public static Experiment twoTargets(String name) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(
        new ArrayList<>(
            List.of(
                target("app", Provider.GKE, List.of(), "prometheus"),
                target("load", Provider.HUB, List.of("app"), "k6"))));
    spec.setWorkflow(
        new WorkflowSpec(
            "load-test", new Completion(CompletionMode.WORKFLOW), Map.of("rate", "100")));
    Experiment experiment = new Experiment();
    experiment.getMetadata().setName(name);
    experiment.getMetadata().setNamespace(NAMESPACE);
    experiment.setSpec(spec);
    return experiment;
  }

  /** {@link #twoTargets} ended by the user (the complete annotation) instead of by its workflow. */
  public static Experiment manual(String name) {
    Experiment experiment = twoTargets(name);
    experiment
        .getSpec()
        .setWorkflow(
            new WorkflowSpec(
                "load-test", new Completion(CompletionMode.MANUAL), Map.of("rate", "100")));
    return experiment;
  }

  private static Target target(String name, Provider provider, List<String> depends, String app) {
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    return new Target(
        name,
        cluster,
        new ArrayList<>(List.of(new ComponentRef(app, null, null, null))),
        null,
        new ArrayList<>(depends));
  }
}
