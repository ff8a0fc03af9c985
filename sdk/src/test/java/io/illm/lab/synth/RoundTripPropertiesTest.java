package io.illm.lab.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ExperimentGenerators;
import io.illm.lab.validate.Validator;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Properties of the YAML synth writes, over generated valid experiments. */
class RoundTripPropertiesTest {

  @Test
  void yamlToModelToYamlIsByteIdentical() {
    qt().withExamples(500)
        .forAll(ExperimentGenerators.experiments())
        .checkAssert(
            experiment -> {
              String yaml = LabYaml.write(experiment);
              assertEquals(yaml, LabYaml.write(read(yaml)));
            });
  }

  @Test
  void synthIsDeterministicWhateverTheOrderOfDefinitions() {
    qt().withExamples(100)
        .forAll(
            ExperimentGenerators.experiments(),
            ExperimentGenerators.experiments(),
            ExperimentGenerators.experiments())
        .checkAssert(
            (a, b, c) -> {
              List<Experiment> experiments = distinctNames(List.of(a, b, c));
              List<Experiment> shuffled = new ArrayList<>();
              experiments.forEach(e -> shuffled.add(read(LabYaml.write(e))));
              Collections.shuffle(shuffled, new Random(experiments.size()));
              assertEquals(
                  Synth.render("test", List.of(), experiments),
                  Synth.render("test", List.of(), shuffled));
            });
  }

  @Test
  void anyTextTheValidatorAcceptsSurvivesTheRoundTripWherever() {
    qt().withExamples(300)
        .forAll(ExperimentGenerators.experiments(), strings().allPossible().ofLengthBetween(0, 20))
        .checkAssert(
            (experiment, text) -> {
              experiment.getSpec().setDescription(text);
              experiment
                  .getSpec()
                  .getWorkflow()
                  .setParams(new TreeMap<>(Map.of("note", text, text + "k", "v")));
              experiment.getMetadata().setAnnotations(new TreeMap<>(Map.of("illm.io/note", text)));
              List<Problem> errors =
                  Validator.validate("x", experiment, ExperimentGenerators.catalogue()).stream()
                      .filter(Problem::isError)
                      .toList();
              if (errors.isEmpty()) {
                String yaml = LabYaml.write(experiment);
                Experiment back = read(yaml);
                // an empty string field is the same as an absent one (ADR-002): both are left out
                assertEquals(text.isEmpty() ? null : text, back.getSpec().getDescription());
                assertEquals(text, back.getSpec().getWorkflow().getParams().get("note"));
                assertEquals(yaml, LabYaml.write(back));
              }
            });
  }

  private static List<Experiment> distinctNames(List<Experiment> experiments) {
    List<Experiment> out = new ArrayList<>();
    for (int i = 0; i < experiments.size(); i++) {
      Experiment copy = read(LabYaml.write(experiments.get(i)));
      copy.getMetadata().setName(copy.getMetadata().getName() + "-" + i);
      out.add(copy);
    }
    return out;
  }

  private static Experiment read(String yaml) {
    try {
      return LabYaml.read(yaml, Experiment.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
