package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.dsl.ComponentDef;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Target;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LabCatalogueTest {

  private final Catalogue catalogue = new LabCatalogue();

  @Test
  void theCliFindsTheCatalogueThroughServiceLoader() {
    List<String> found =
        ServiceLoader.load(Catalogue.class).stream()
            .map(p -> p.type().getName())
            .collect(Collectors.toList());
    assertEquals(List.of(LabCatalogue.class.getName()), found);
  }

  @Test
  void everyComponentBuildsWithoutProblems() {
    List<Component> components = catalogue.components();
    assertEquals(13, components.size());
    for (Component component : components) {
      String file =
          "components/"
              + component.getSpec().getCategory()
              + "/"
              + component.getMetadata().getName();
      assertEquals(List.of(), Validator.validate(file, component), file);
    }
  }

  @Test
  void everyExperimentBuildsAndEveryComponentItDeploysIsInTheCatalogue() {
    ComponentCatalogue known = ComponentCatalogue.of(catalogue.components());
    List<Experiment> experiments = catalogue.experiments();
    assertEquals(
        List.of("hello-app", "loki-tutorial", "prometheus-tutorial", "tsdb-comparison"),
        experiments.stream().map(e -> e.getMetadata().getName()).collect(Collectors.toList()));
    for (Experiment experiment : experiments) {
      List<Problem> problems =
          Validator.validate(
              "experiments/" + experiment.getMetadata().getName(), experiment, known);
      assertEquals(
          List.of(), problems.stream().filter(Problem::isError).collect(Collectors.toList()));
      for (Target target : experiment.getSpec().getTargets()) {
        for (ComponentRef ref : target.getComponents()) {
          assertTrue(known.find(ref.getApp()).isPresent(), ref.getApp());
        }
      }
    }
  }

  @Test
  void componentNamesAreUniqueAndSorted() {
    List<String> names =
        catalogue.components().stream()
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toList());
    Set<String> unique = new TreeSet<>(names);
    assertEquals(new ArrayList<>(unique), names);
    assertEquals(LabCatalogue.COMPONENTS.size(), unique.size());
  }

  @Test
  void theExamplesUseTheirDeclaredParametersOnly() {
    // with(Param, value) on an undeclared parameter fails build(); the examples build, so every
    // typed parameter is declared; here: each declared parameter is documented.
    for (ComponentDef def : LabCatalogue.COMPONENTS) {
      Component component = def.build();
      if (component.getSpec().getParameters() != null) {
        component
            .getSpec()
            .getParameters()
            .forEach(
                p ->
                    assertFalse(
                        p.getDescription() == null || p.getDescription().isBlank(),
                        def.name() + " " + p.getName()));
      }
    }
  }
}
