package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.empty;
import static io.illm.lab.operator.testing.Testing.experimentWide;
import static io.illm.lab.operator.testing.Testing.failed;
import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.perTarget;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.operator.testing.Testing;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.Comparison.Conclusion;
import io.illm.lab.results.MetricResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonsTest {

  private static final List<String> TARGETS = List.of("prom", "vm", "mimir", "loki");

  /** A spec with {@link #TARGETS} and these declared comparisons. */
  private static ExperimentSpec declaring(TargetComparison... comparisons) {
    return declaring(TARGETS, comparisons);
  }

  private static ExperimentSpec declaring(List<String> targets, TargetComparison... comparisons) {
    ExperimentSpec spec = Testing.spec(targets, List.of());
    spec.setMetrics(new MetricsSpec(null, null, 3, List.of(comparisons)));
    return spec;
  }

  private static List<Comparison> compare(ExperimentSpec spec, MetricResult... metrics) {
    return Comparisons.of(spec, List.of(metrics));
  }

  private static final MetricResult MEM =
      perTarget(
          "mem",
          "lower",
          ok("vm", 1, 2, 3),
          ok("prom", 10, 11, 12),
          ok("mimir", 20, 21, 22),
          ok("loki", 5, 6, 7));

  @Test
  void nothingIsComparedThatIsNotDeclared() {
    assertEquals(List.of(), compare(declaring(), MEM));
    assertEquals(List.of(), compare(Testing.spec(TARGETS, List.of()), MEM));
  }

  @Test
  void aBaselineIsComparedWithEveryOtherTargetInSpecOrder() {
    List<Comparison> comparisons =
        compare(declaring(new TargetComparison("prom", null, null)), MEM);

    assertEquals(
        List.of("vm-prom", "mimir-prom", "loki-prom"),
        comparisons.stream().map(c -> c.a() + "-" + c.b()).toList());
  }

  @Test
  void listedTargetsAndMetricsNarrowIt() {
    MetricResult cpu = perTarget("cpu", null, ok("vm", 1, 2, 3), ok("prom", 10, 11, 12));
    List<Comparison> comparisons =
        compare(
            declaring(
                new TargetComparison("prom", List.of("vm"), List.of("cpu")),
                new TargetComparison("prom", List.of("vm"), null),
                new TargetComparison("prom", List.of("vm"), List.of("cpu"))),
            MEM,
            cpu);

    assertEquals(
        List.of("mem vm-prom", "cpu vm-prom"),
        comparisons.stream().map(c -> c.metric() + " " + c.a() + "-" + c.b()).toList(),
        "each once; cpu, which says no better direction, only where listed");
    assertNull(comparisons.get(1).better(), "no better direction: no better target named");
    assertEquals(Conclusion.SIGNIFICANT, comparisons.get(1).conclusion());
  }

  @Test
  void lowerIsBetterNamesTheTargetWithTheSmallerMean() {
    Comparison c =
        compare(
                declaring(List.of("a", "b"), new TargetComparison("b", null, null)),
                perTarget("mem", "lower", ok("a", 10, 11, 12, 11), ok("b", 20, 21, 22, 19)))
            .get(0);

    assertEquals(Conclusion.SIGNIFICANT, c.conclusion());
    assertEquals("a", c.better());
    assertEquals(-9.5, c.difference(), 1e-12);
    assertEquals(0.95, c.confidence());
  }

  @Test
  void higherIsBetterNamesTheTargetWithTheLargerMean() {
    Comparison c =
        compare(
                declaring(List.of("a", "b"), new TargetComparison("a", null, null)),
                perTarget("rps", "higher", ok("a", 10, 11, 12), ok("b", 20, 21, 22)))
            .get(0);

    assertEquals("b", c.a());
    assertEquals(Conclusion.SIGNIFICANT, c.conclusion());
    assertEquals("b", c.better());
  }

  @Test
  void overlappingSamplesShowNoSignificantDifference() {
    Comparison c =
        compare(
                declaring(List.of("a", "b"), new TargetComparison("a", null, null)),
                perTarget("rps", "higher", ok("a", 10, 20, 15, 12), ok("b", 11, 19, 16, 13)))
            .get(0);

    assertEquals(Conclusion.NO_SIGNIFICANT_DIFFERENCE, c.conclusion());
    assertNull(c.better());
  }

  @Test
  void fewerThanTwoValuesOnEitherSideIsInsufficient() {
    List<Comparison> comparisons =
        Comparisons.of(
            Testing.spec(List.of("a", "b", "c", "d"), List.of()),
            List.of(
                perTarget(
                    "rps",
                    "higher",
                    ok("a", 10, 11),
                    ok("b", 20),
                    empty("c"),
                    failed("d", "timeout"))));
    assertEquals(List.of(), comparisons, "undeclared");

    ExperimentSpec spec = Testing.spec(List.of("a", "b", "c", "d"), List.of());
    spec.setMetrics(new MetricsSpec(null, null, 3, List.of(new TargetComparison("a", null, null))));
    comparisons =
        Comparisons.of(
            spec,
            List.of(
                perTarget(
                    "rps",
                    "higher",
                    ok("a", 10, 11),
                    ok("b", 20),
                    empty("c"),
                    failed("d", "timeout"))));
    assertEquals(3, comparisons.size());
    comparisons.forEach(c -> assertEquals(Conclusion.INSUFFICIENT, c.conclusion(), c.toString()));
    assertEquals(
        new Comparison("rps", "b", "a", 9.5, null, null, null, Conclusion.INSUFFICIENT, null),
        comparisons.get(0));
    assertNull(comparisons.get(1).difference(), "c against a has no difference: c has no values");
  }

  @Test
  void experimentWideMetricsAreNeverCompared() {
    assertEquals(
        List.of(),
        compare(
            declaring(new TargetComparison("prom", null, List.of("total"))),
            experimentWide("total", ok(null, 1, 2))));
  }
}
