package io.illm.lab.rules;

import static org.quicktheories.QuickTheory.qt;

import io.illm.lab.validate.ExperimentGenerators;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The rules on generated experiments: valid ones pass without a problem, harmless changes give
 * warnings only, and every corruption ({@link SpecCorruptions}, drawn by {@link DrawnSpecs}) gives
 * an error at its path.
 */
class ExperimentRulesPropertiesTest {

  private static final int EXAMPLES = 1000;
  private static final KnownComponents CATALOGUE = ExperimentGenerators.catalogue();

  @Test
  void generatedExperimentsBreakNoRule() {
    qt().withExamples(EXAMPLES)
        .forAll(ExperimentGenerators.experiments())
        .checkAssert(
            e ->
                ProblemAssertions.assertNoProblems(
                    ExperimentRules.check(e.getMetadata().getName(), e.getSpec(), CATALOGUE)));
  }

  @Test
  void everyCorruptionIsAnErrorAtItsPathAndHarmlessChangesAreWarnings() {
    qt().withExamples(EXAMPLES)
        .forAll(DrawnSpecs.experiments(1))
        .checkAssert(
            drawn -> {
              List<Problem> problems = ExperimentRules.check(drawn.name(), drawn.spec(), CATALOGUE);
              if (drawn.errorPath() == null) {
                ProblemAssertions.assertNoErrors(problems);
              } else {
                Assertions.assertTrue(
                    problems.stream()
                        .anyMatch(p -> p.isError() && p.path().equals(drawn.errorPath())),
                    () -> "no error at " + drawn + ":\n" + ProblemAssertions.show(problems));
              }
              for (String warning : drawn.warningPaths()) {
                Assertions.assertTrue(
                    problems.stream().anyMatch(p -> !p.isError() && p.path().equals(warning)),
                    () ->
                        "no warning at "
                            + warning
                            + " for "
                            + drawn
                            + ":\n"
                            + ProblemAssertions.show(problems));
              }
            });
  }
}
