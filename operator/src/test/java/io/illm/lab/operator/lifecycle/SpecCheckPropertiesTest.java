package io.illm.lab.operator.lifecycle;

import static org.quicktheories.QuickTheory.qt;

import io.illm.lab.model.Phase;
import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.lifecycle.Observation.Meta;
import io.illm.lab.rules.DrawnSpecs;
import io.illm.lab.rules.DrawnSpecs.Drawn;
import io.illm.lab.rules.ExperimentRules;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * One set of spec rules: on generated experiments, valid and with corruptions of every kind of rule
 * (and harmless changes that give warnings), the lifecycle refuses a spec exactly when the rules of
 * {@code io.illm.lab.rules} find an error, the rules {@code ./lab validate} and the DSL run. Were
 * the lifecycle to check something the rules do not, or skip something they check, this fails.
 */
class SpecCheckPropertiesTest {

  private static final int EXAMPLES = Integer.getInteger("lifecycle.examples", 1000);

  @Test
  void specCheckRefusesExactlyWhatTheRulesRefuse() {
    qt().withExamples(EXAMPLES)
        .forAll(DrawnSpecs.experiments(2))
        .checkAssert(
            drawn -> {
              List<String> problems = SpecCheck.problems(drawn.name(), drawn.spec());
              Assertions.assertEquals(
                  rulesRefuse(drawn), !problems.isEmpty(), () -> drawn + ":\n" + problems);
            });
  }

  @Test
  void aFreshExperimentFailsWithInvalidSpecExactlyWhenTheRulesRefuse() {
    qt().withExamples(EXAMPLES)
        .forAll(DrawnSpecs.experiments(2))
        .checkAssert(
            drawn -> {
              Observation world =
                  Observation.of(new Meta(drawn.name(), 1, "hash", false, true, Map.of()));
              Decision d = Lifecycle.decide(drawn.spec(), null, world, SampleExperiments.T0);
              Assertions.assertTrue(
                  d.actions().stream()
                      .noneMatch(
                          a ->
                              a instanceof EmitEvent e
                                  && Reasons.INTERNAL_ERROR.equals(e.reason())),
                  () -> drawn + ": " + d.actions());
              boolean invalid =
                  d.status().getPhase() == Phase.FAILED
                      && Conditions.find(d.status(), Conditions.DEGRADED)
                          .map(c -> Reasons.INVALID_SPEC.equals(c.getReason()))
                          .orElse(false);
              Assertions.assertEquals(
                  rulesRefuse(drawn), invalid, () -> drawn + ": " + d.status().getMessage());
            });
  }

  private static boolean rulesRefuse(Drawn drawn) {
    return ExperimentRules.check(drawn.name(), drawn.spec()).stream().anyMatch(Problem::isError);
  }
}
