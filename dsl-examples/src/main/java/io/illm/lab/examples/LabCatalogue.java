package io.illm.lab.examples;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.examples.components.Apps;
import io.illm.lab.examples.components.Chaos;
import io.illm.lab.examples.components.Core;
import io.illm.lab.examples.components.LeftOut;
import io.illm.lab.examples.components.Logging;
import io.illm.lab.examples.components.Messaging;
import io.illm.lab.examples.components.Observability;
import io.illm.lab.examples.components.Storage;
import io.illm.lab.examples.components.Testing;
import io.illm.lab.examples.components.Tracing;
import io.illm.lab.examples.components.Workflows;
import io.illm.lab.examples.experiments.HelloApp;
import io.illm.lab.examples.experiments.LokiTutorial;
import io.illm.lab.examples.experiments.PrometheusTutorial;
import io.illm.lab.examples.experiments.TsdbComparison;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** The lab's own components and experiments, for the CLI (registered for ServiceLoader). */
public final class LabCatalogue implements Catalogue {

  /**
   * Every component value of the lab: each category class's {@code ALL}, in no particular order.
   */
  public static final List<ComponentDef> COMPONENTS =
      Stream.of(
              Apps.ALL,
              Chaos.ALL,
              Core.ALL,
              Messaging.ALL,
              Observability.ALL,
              Logging.ALL,
              Tracing.ALL,
              Storage.ALL,
              Testing.ALL,
              Workflows.ALL)
          .flatMap(List::stream)
          .toList();

  @Override
  public List<Component> components() {
    List<Component> components = new ArrayList<>();
    COMPONENTS.forEach(c -> components.add(c.build()));
    components.sort(Comparator.comparing(c -> c.getMetadata().getName()));
    return components;
  }

  /** The original lab's entries that are not components here, and why. */
  @Override
  public String notes() {
    return LeftOut.markdown();
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
