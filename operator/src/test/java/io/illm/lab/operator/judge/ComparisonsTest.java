package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.empty;
import static io.illm.lab.operator.testing.Testing.experimentWide;
import static io.illm.lab.operator.testing.Testing.failed;
import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.perTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.illm.lab.results.Comparison;
import io.illm.lab.results.Comparison.Conclusion;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  @Test
  void everyPairOfTargetsInNameOrder() {
    List<Comparison> comparisons =
        Comparisons.of(
            List.of(
                perTarget(
                    "mem",
                    "lower",
                    ok("vm", 1, 2, 3),
                    ok("prom", 10, 11, 12),
                    ok("mimir", 20, 21, 22))));

    assertEquals(
        List.of("mimir-prom", "mimir-vm", "prom-vm"),
        comparisons.stream().map(c -> c.a() + "-" + c.b()).toList());
  }

  @Test
  void lowerIsBetterNamesTheTargetWithTheSmallerMean() {
    Comparison c =
        Comparisons.of(
                List.of(
                    perTarget("mem", "lower", ok("a", 10, 11, 12, 11), ok("b", 20, 21, 22, 19))))
            .get(0);

    assertEquals(Conclusion.SIGNIFICANT, c.conclusion());
    assertEquals("a", c.better());
    assertEquals(-9.5, c.difference(), 1e-12);
    assertEquals(0.95, c.confidence());
  }

  @Test
  void higherIsBetterNamesTheTargetWithTheLargerMean() {
    Comparison c =
        Comparisons.of(
                List.of(perTarget("rps", "higher", ok("a", 10, 11, 12), ok("b", 20, 21, 22))))
            .get(0);

    assertEquals(Conclusion.SIGNIFICANT, c.conclusion());
    assertEquals("b", c.better());
  }

  @Test
  void overlappingSamplesShowNoSignificantDifference() {
    Comparison c =
        Comparisons.of(
                List.of(
                    perTarget("rps", "higher", ok("a", 10, 20, 15, 12), ok("b", 11, 19, 16, 13))))
            .get(0);

    assertEquals(Conclusion.NO_SIGNIFICANT_DIFFERENCE, c.conclusion());
    assertNull(c.better());
  }

  @Test
  void fewerThanTwoValuesOnEitherSideIsInsufficient() {
    List<Comparison> comparisons =
        Comparisons.of(
            List.of(
                perTarget(
                    "rps",
                    "higher",
                    ok("a", 10, 11),
                    ok("b", 20),
                    empty("c"),
                    failed("d", "timeout"))));

    assertEquals(6, comparisons.size());
    comparisons.forEach(c -> assertEquals(Conclusion.INSUFFICIENT, c.conclusion(), c.toString()));
    Comparison ab = comparisons.get(0);
    assertEquals(
        new Comparison("rps", "a", "b", -9.5, null, null, null, Conclusion.INSUFFICIENT, null), ab);
    assertNull(comparisons.get(1).difference(), "a against c has no difference: c has no values");
  }

  @Test
  void onlyPerTargetMetricsThatSayWhichWayIsBetterAreCompared() {
    List<Comparison> comparisons =
        Comparisons.of(
            List.of(
                perTarget("plain", null, ok("a", 1, 2), ok("b", 3, 4)),
                experimentWide("total", ok(null, 1, 2))));

    assertEquals(List.of(), comparisons);
  }
}
