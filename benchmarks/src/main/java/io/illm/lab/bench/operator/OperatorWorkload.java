package io.illm.lab.bench.operator;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Category;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operator benchmark's experiments: N hello-app-like runs, each one GKE target with one
 * component and a workflow ended by the workflow's success. The component and the WorkflowTemplate
 * they name must exist in the hub ({@link #component}, {@link #TEMPLATE}).
 */
final class OperatorWorkload {

  static final String COMPONENT = "hello-app";
  static final String TEMPLATE = "hello-app-validation";

  private OperatorWorkload() {}

  /** Experiment {@code i} of a run ({@code bench-00042}), in {@code namespace}. */
  static Experiment experiment(int i, String namespace) {
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(Provider.GKE);
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(
        new ArrayList<>(
            List.of(
                new Target(
                    "app",
                    cluster,
                    new ArrayList<>(List.of(new ComponentRef(COMPONENT, null, null, null))),
                    null,
                    new ArrayList<>()))));
    spec.setWorkflow(
        new WorkflowSpec(TEMPLATE, new Completion(CompletionMode.WORKFLOW), Map.of("rate", "100")));
    Experiment experiment = new Experiment();
    experiment.getMetadata().setName(name(i));
    experiment.getMetadata().setNamespace(namespace);
    experiment.setSpec(spec);
    return experiment;
  }

  static String name(int i) {
    return String.format(Locale.ROOT, "bench-%05d", i);
  }

  /**
   * The one Component every experiment deploys; with its category, which the CRD requires (the mock
   * API server took it without; a real one refuses it).
   */
  static Component component() {
    Component component = new Component();
    component.setMetadata(new ObjectMetaBuilder().withName(COMPONENT).build());
    component.setSpec(
        new ComponentSpec(
            null,
            Category.APPS,
            null,
            new ArrayList<>(
                List.of(
                    new ComponentSource(
                        "https://example.invalid/lab.git",
                        "main",
                        "apps/" + COMPONENT,
                        null,
                        null,
                        null))),
            null,
            null));
    return component;
  }
}
