package io.illm.lab.operator.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.illm.lab.model.ExperimentStatus;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Lifecycle invariants over generated experiments and event orders (see {@link LifecycleReplay} for
 * the invariants). Runs {@code lifecycle.examples} lifecycles, 1000 by default; for a long run:
 * {@code ./mvnw -B -pl operator -am verify -Dlifecycle.examples=10000}. The seed is fixed so that a
 * failure reproduces; {@code -Dlifecycle.seed=N} explores other orders.
 */
class LifecyclePropertiesTest {

  static final int EXAMPLES = Integer.getInteger("lifecycle.examples", 1000);
  static final long SEED = Long.getLong("lifecycle.seed", 20260101L);

  @Test
  void everyLifecycleEndsCleanWhateverHappens() {
    Map<String, Integer> outcomes = new TreeMap<>();
    qt().withFixedSeed(SEED)
        .withExamples(EXAMPLES)
        .withShrinkCycles(200)
        .forAll(Scenario.scenarios())
        .checkAssert(
            scenario -> {
              LifecycleReplay replay = new LifecycleReplay(scenario);
              ExperimentStatus end = replay.run();
              outcomes.merge(outcome(end, replay.deleted()), 1, Integer::sum);
            });
    System.out.println(
        "lifecycle outcomes over " + EXAMPLES + " generated lifecycles: " + outcomes);
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.startsWith("Complete")), outcomes.toString());
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.contains("DeadlineExceeded")),
        outcomes.toString());
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.contains("Deleted")), outcomes.toString());
    assertTrue(
        outcomes.keySet().stream().anyMatch(k -> k.contains("BudgetExceeded")),
        outcomes.toString());
  }

  private static String outcome(ExperimentStatus end, boolean deleted) {
    if (end == null) {
      return "never decided";
    }
    String reason = Conditions.find(end, Conditions.DEGRADED).map(c -> c.getReason()).orElse("");
    return end.getPhase()
        + (end.getPhase() == io.illm.lab.model.Phase.FAILED ? " " + reason : "")
        + (deleted ? " (object deleted)" : "");
  }
}
