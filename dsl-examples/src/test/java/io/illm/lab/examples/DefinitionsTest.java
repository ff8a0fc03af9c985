package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.dsl.discovery.Definitions;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Target;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.Validator;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The lab's own definitions, found the way ./lab finds them (the annotations, through the index the
 * sdk's processor wrote at compile time): no list of them is kept anywhere, here included.
 */
class DefinitionsTest {

  private final Definitions found = Definitions.onClasspath();

  @Test
  void everyDefinitionBuildsAndNoneIsLeftOutOfTheCatalogue() {
    assertEquals(List.of(), found.problems());
    assertFalse(found.experiments().isEmpty());
    assertFalse(found.components().isEmpty());
    assertEquals("the definitions in io.illm.lab.examples", found.source());
  }

  @Test
  void everyExperimentIsValidAndEveryComponentItDeploysIsInTheCatalogue() {
    ComponentCatalogue known = ComponentCatalogue.of(found.components());
    for (Experiment experiment : found.experiments()) {
      String file = "experiments/" + experiment.getMetadata().getName();
      List<Problem> problems = Validator.validate(file, experiment, known);
      assertEquals(List.of(), problems.stream().filter(Problem::isError).toList(), file);
      for (Target target : experiment.getSpec().getTargets()) {
        // a target may deploy nothing (gateway-comparison's load generator)
        for (ComponentRef ref :
            Objects.requireNonNullElse(target.getComponents(), List.<ComponentRef>of())) {
          assertTrue(known.find(ref.getApp()).isPresent(), file + " deploys " + ref.getApp());
        }
      }
      assertTrue(found.origin(experiment.getMetadata().getName()).isPresent(), file);
    }
  }

  @Test
  void everyComponentIsValidAndDocumentsItsParameters() {
    for (Component component : found.components()) {
      String file =
          "components/"
              + component.getSpec().getCategory()
              + "/"
              + component.getMetadata().getName();
      assertEquals(List.of(), Validator.validate(file, component), file);
      if (component.getSpec().getParameters() != null) {
        component
            .getSpec()
            .getParameters()
            .forEach(
                p ->
                    assertFalse(
                        p.getDescription() == null || p.getDescription().isBlank(),
                        file + " " + p.getName()));
      }
    }
  }
}
