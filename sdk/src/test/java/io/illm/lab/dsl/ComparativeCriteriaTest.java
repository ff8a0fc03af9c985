package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Category;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import org.junit.jupiter.api.Test;

/** Criteria between targets and declared comparisons, as the DSL writes them. */
class ComparativeCriteriaTest {

  static final ComponentDef DB =
      component("db", Category.APPS).git("https://github.com/example/lab.git", "apps/db", "main");

  private static ExperimentDef twoTargets() {
    return experiment("duel")
        .target(target("a").on(gke()).deploy(DB), target("b").on(eks()).deploy(DB))
        .workflow(workflow("load"))
        .completeOn(CompletionMode.WORKFLOW)
        .metric(metric("memory").promql("sum(m{cluster=\"$CLUSTER\"})").perTarget())
        .repetitions(5);
  }

  private static String spec(ExperimentDef experiment) {
    String yaml = LabYaml.write(experiment.build());
    return yaml.substring(yaml.indexOf("  hypothesis:"));
  }

  @Test
  void belowAnotherTargetWritesTargetAndThan() {
    String yaml =
        spec(
            twoTargets()
                .hypothesis(
                    hypothesis("b uses less memory than a")
                        .criterion(expect("memory").of("b").below("a").describe("why"))));
    assertTrue(
        yaml.startsWith(
            """
              hypothesis:
                claim: b uses less memory than a
                successCriteria:
                  - metric: memory
                    operator: lt
                    target: b
                    than: a
                    description: why
            """),
        yaml);
  }

  @Test
  void aMultipleWritesItsFactorAndEachOperatorItsOwn() {
    String yaml =
        spec(
            twoTargets()
                .hypothesis(
                    hypothesis("b at most 0.8 x a, at least half of it")
                        .criterion(
                            expect("memory").of("b").atMost(0.8).times("a"),
                            expect("memory").of("b").atLeast(0.5).times("a"),
                            expect("memory").of("a").above("b"),
                            expect("memory").of("a").atLeast("b"))));
    assertTrue(
        yaml.contains(
            """
                  - metric: memory
                    operator: lte
                    target: b
                    factor: 0.8
                    than: a
                  - metric: memory
                    operator: gte
                    target: b
                    factor: 0.5
                    than: a
                  - metric: memory
                    operator: gt
                    target: a
                    than: b
                  - metric: memory
                    operator: gte
                    target: a
                    than: b
            """),
        yaml);
  }

  @Test
  void comparisonsAreDeclaredWithABaseline() {
    String yaml =
        LabYaml.write(
            twoTargets()
                .compare(baseline("a"), baseline("b").targets("a").metrics("memory"))
                .build());
    assertTrue(
        yaml.contains(
            """
                comparisons:
                  - baseline: a
                  - baseline: b
                    targets:
                      - a
                    metrics:
                      - memory
                repetitions: 5
            """),
        yaml);
  }

  @Test
  void buildReportsAComparisonWithAnUnknownTargetAtItsPath() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                twoTargets()
                    .hypothesis(
                        hypothesis("x").criterion(expect("memory").of("b").below("nowhere")))
                    .build());
    assertEquals(
        "experiments/duel: spec.hypothesis.successCriteria[0].than: successCriteria[].than must"
            + " name a target of this experiment: unknown target \"nowhere\" (targets: a, b)",
        e.problems().get(0).toString());
  }
}
