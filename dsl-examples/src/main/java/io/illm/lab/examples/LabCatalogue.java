package io.illm.lab.examples;

import io.illm.lab.argo.WorkflowTemplate;
import io.illm.lab.dsl.Catalogue;
import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.examples.components.Apps;
import io.illm.lab.examples.components.Observability;
import io.illm.lab.examples.components.Storage;
import io.illm.lab.examples.experiments.HelloApp;
import io.illm.lab.examples.experiments.LokiTutorial;
import io.illm.lab.examples.experiments.PrometheusTutorial;
import io.illm.lab.examples.experiments.TsdbComparison;
import io.illm.lab.examples.workflows.Workflows;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The lab's own components and experiments, for the CLI (registered for ServiceLoader). */
public final class LabCatalogue implements Catalogue {

  /** Every component value of the lab, in no particular order. */
  public static final List<ComponentDef> COMPONENTS =
      List.of(
          Apps.HELLO_APP,
          Apps.METRICS_APP,
          Apps.STATION_MONITOR,
          Apps.LOG_GENERATOR,
          Apps.CARDINALITY_GENERATOR,
          Observability.KUBE_PROMETHEUS_STACK,
          Observability.LOKI,
          Observability.PROMTAIL,
          Observability.VICTORIA_METRICS,
          Observability.MIMIR,
          Observability.METRICS_AGENT,
          Observability.METRICS_EGRESS,
          Storage.MINIO);

  @Override
  public List<Component> components() {
    List<Component> components = new ArrayList<>();
    COMPONENTS.forEach(c -> components.add(c.build()));
    components.sort(Comparator.comparing(c -> c.getMetadata().getName()));
    return components;
  }

  @Override
  public List<WorkflowTemplate> workflowTemplates() {
    List<WorkflowTemplate> templates = new ArrayList<>();
    Workflows.all().forEach(t -> templates.add(t.build()));
    templates.sort(Comparator.comparing(t -> t.getMetadata().getName()));
    return templates;
  }

  @Override
  public List<Experiment> experiments() {
    List<Experiment> experiments =
        new ArrayList<>(
            List.of(
                HelloApp.build(),
                PrometheusTutorial.build(),
                LokiTutorial.build(),
                TsdbComparison.build()));
    experiments.sort(Comparator.comparing(e -> e.getMetadata().getName()));
    return experiments;
  }
}
