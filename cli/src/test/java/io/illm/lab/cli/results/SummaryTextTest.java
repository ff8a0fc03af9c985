package io.illm.lab.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import io.illm.lab.results.Verdict.Kind;
import io.illm.lab.results.Verdict.Outcome;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SummaryTextTest {

  @Test
  void numbersAreShortWithoutLosingWholeUnits() {
    assertEquals(
        List.of(
            "0",
            "2",
            "1.25",
            "0.0123",
            "3.142",
            "1235",
            "123456789",
            "1.000e+15",
            "1.000e-05",
            "-0.5"),
        Stream.of(0.0, 2.0, 1.25, 0.0123, Math.PI, 1234.5678, 123456789.0, 1e15, 1e-5, -0.5)
            .map(SummaryText::number)
            .toList());
  }

  private static final double MIB = 1024 * 1024;

  /** A criterion between two targets, judged as the operator's judge writes it. */
  private static Verdict.Criterion between(
      String target, String operator, double factor, String than, double low, double high) {
    Outcome outcome = high < 0 ? Outcome.PASS : low > 0 ? Outcome.FAIL : Outcome.INSUFFICIENT;
    return new Verdict.Criterion(
        Kind.COMPARATIVE,
        "memory",
        target,
        than,
        factor,
        operator,
        null,
        (low + high) / 2,
        low,
        high,
        0.95,
        outcome,
        "why",
        null);
  }

  @Test
  void criteriaBetweenTargetsAndComparisonsArePrintedInTheMetricsUnit() {
    MetricResult memory =
        new MetricResult(
            "memory", "instant", "bytes", null, null, true, "insufficient", "lower", List.of());
    Summary summary =
        new Summary(
            Summary.SCHEMA_VERSION,
            true,
            new Summary.ExperimentInfo(
                "tsdb-matrix", "experiments", null, null, null, null, List.of(), null, List.of()),
            null,
            List.of(),
            null,
            List.of(memory),
            List.of(
                new Comparison(
                    "memory",
                    "vm-gke",
                    "prom-gke",
                    -140 * MIB,
                    -150 * MIB,
                    -130 * MIB,
                    0.95,
                    Comparison.Conclusion.SIGNIFICANT,
                    "vm-gke")),
            new Verdict(
                HypothesisResult.INSUFFICIENT,
                List.of(
                    between("vm-gke", "lte", 0.8, "prom-gke", -50 * MIB, -40 * MIB),
                    between("vm-eks", "lt", 1, "prom-eks", -10 * MIB, 6 * MIB))),
            null,
            null,
            null);

    String text = SummaryText.render(summary, "r1", "here");

    assertTrue(
        text.contains(
            """
            criteria
              metric  target  value    check              outcome       reason
              memory  vm-gke  -45 MiB  <= 0.8 x prom-gke  pass          why
              memory  vm-eks  -2 MiB   < prom-eks         insufficient  why
            """
                + "  (between targets: the value is mean(target) - k x mean(than), judged on its"
                + " 95% interval; insufficient when the interval contains 0)\n"),
        text);
    assertTrue(
        text.contains(
            """
            comparisons
              metric  a       b         a - b     CI                        conclusion   better
              memory  vm-gke  prom-gke  -140 MiB  95% [-150 MiB, -130 MiB]  significant  vm-gke
            """),
        text);
  }
}
