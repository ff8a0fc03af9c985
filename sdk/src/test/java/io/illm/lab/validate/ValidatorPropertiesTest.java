package io.illm.lab.validate;

import static org.quicktheories.QuickTheory.qt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.rules.ProblemAssertions;
import io.illm.lab.validate.Corruptions.Named;
import io.illm.lab.validate.ExperimentGenerators.Draw;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Generated valid experiments validate clean; the same experiments with one corrupted field give an
 * error at the corrupted path.
 */
class ValidatorPropertiesTest {

  private static final int EXAMPLES = 1000;
  private static final ComponentCatalogue CATALOGUE = ExperimentGenerators.catalogue();

  /** An experiment, its tree after one corruption, which one, and the path the error must be at. */
  record Corrupted(Experiment original, ObjectNode tree, String corruption, String path) {
    @Override
    public String toString() {
      return corruption + " at " + path + " in\n" + LabYaml.write(tree);
    }
  }

  @Test
  void generatedExperimentsValidateClean() {
    qt().withExamples(EXAMPLES)
        .forAll(ExperimentGenerators.experiments())
        .checkAssert(
            experiment -> {
              List<Problem> problems = Validator.validate("gen", experiment, CATALOGUE);
              Assertions.assertTrue(
                  problems.isEmpty(),
                  () -> ProblemAssertions.show(problems) + "\n" + LabYaml.write(experiment));
              List<Problem> fromTree =
                  Validator.validateExperiment(
                      "gen", LabYaml.writer().valueToTree(experiment), CATALOGUE);
              Assertions.assertTrue(fromTree.isEmpty(), () -> ProblemAssertions.show(fromTree));
            });
  }

  @Test
  void everySingleFieldCorruptionIsAnErrorAtItsPath() {
    qt().withExamples(EXAMPLES)
        .forAll(corrupted())
        .checkAssert(
            c -> {
              List<Problem> problems = Validator.validateExperiment("gen", c.tree(), CATALOGUE);
              boolean found =
                  problems.stream().anyMatch(p -> p.isError() && p.path().equals(c.path()));
              Assertions.assertTrue(
                  found,
                  () ->
                      "no error at "
                          + c.path()
                          + " for "
                          + c.corruption()
                          + "; got:\n"
                          + ProblemAssertions.show(problems)
                          + "\n"
                          + LabYaml.write(c.tree()));
            });
  }

  /** A valid experiment with one corruption: a random one, or the next that applies to it. */
  static Gen<Corrupted> corrupted() {
    List<Named> corruptions = Corruptions.all();
    return random -> {
      Draw draw = new Draw(random);
      Experiment experiment = ExperimentGenerators.experiment(draw);
      int first = draw.between(0, corruptions.size() - 1);
      for (int k = 0; k < corruptions.size(); k++) {
        Named named = corruptions.get((first + k) % corruptions.size());
        ObjectNode tree = LabYaml.writer().valueToTree(experiment);
        Optional<String> path = named.corruption().apply(experiment, tree, draw);
        if (path.isPresent()) {
          return new Corrupted(experiment, tree, named.name(), path.get());
        }
      }
      throw new IllegalStateException("some corruption always applies");
    };
  }
}
