package io.illm.lab.cli.authoring;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import io.illm.lab.validate.LabCheckout;
import java.util.List;

/** The catalogue {@code synth} finds on the cli tests' class path: hello-app and its components. */
public final class TestCatalogue implements Catalogue {

  @Override
  public List<Component> components() {
    return LabCheckout.yamlFiles(LabCheckout.ROOT.resolve("components")).stream()
        .map(f -> LabCheckout.read(f, Component.class))
        .toList();
  }

  @Override
  public List<Experiment> experiments() {
    return List.of(
        LabCheckout.experiment(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml")));
  }
}
