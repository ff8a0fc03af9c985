package io.illm.lab.operator.judge;

import static io.illm.lab.operator.testing.Testing.criterion;
import static io.illm.lab.operator.testing.Testing.experimentWide;
import static io.illm.lab.operator.testing.Testing.ok;
import static io.illm.lab.operator.testing.Testing.perTarget;
import static io.illm.lab.operator.testing.Testing.query;
import static io.illm.lab.operator.testing.Testing.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.illm.lab.model.Better;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Comparison.Conclusion;
import io.illm.lab.results.MetricResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class JudgeTest {

  private final ExperimentSpec spec =
      spec(
          List.of("prom", "vm"),
          List.of(query("mem", true, Better.LOWER), query("total", false, null)),
          criterion("mem", ComparisonOperator.LT, 512, null));

  private final List<MetricResult> collected =
      List.of(
          perTarget("mem", null, ok("vm", 100, 110, 105), ok("prom", 400, 420, 410)),
          experimentWide("total", ok(null, 7)));

  @Test
  void fillsStatisticsBetterAndOnEmptyAndOrdersSamplesByTarget() {
    Judgment judgment = Judge.judge(spec, collected);

    MetricResult mem = judgment.metrics().get(0);
    assertEquals("lower", mem.better());
    assertEquals("insufficient", mem.onEmpty());
    assertEquals(
        List.of("prom", "vm"), mem.samples().stream().map(MetricResult.Sample::target).toList());
    assertEquals(410.0, mem.sample("prom").stats().mean(), 1e-9);
    assertEquals(3, mem.sample("vm").stats().n());
    MetricResult total = judgment.metrics().get(1);
    assertNull(total.better());
    assertEquals(7.0, total.sample(null).stats().mean());
    assertNull(total.sample(null).stats().ciLow(), "one value: no interval");
  }

  @Test
  void comparesAndJudges() {
    Judgment judgment = Judge.judge(spec, collected);

    assertEquals(1, judgment.comparisons().size());
    assertEquals(Conclusion.SIGNIFICANT, judgment.comparisons().get(0).conclusion());
    assertEquals("vm", judgment.comparisons().get(0).better());
    assertEquals(HypothesisResult.VALIDATED, judgment.verdict().result());
    assertEquals(410.0, judgment.verdict().criteria().get(0).value(), 1e-9);
  }

  @Test
  void theQuerysOnEmptyWinsOverTheExperimentsAndTheCollectorsOverBoth() {
    spec.getMetrics().setOnEmpty(EmptyResult.FAIL);
    spec.getMetrics().getQueries().get(1).setOnEmpty(EmptyResult.ZERO);
    List<MetricResult> withOwn =
        List.of(
            collected.get(0),
            new MetricResult(
                "total",
                "instant",
                null,
                null,
                null,
                false,
                "insufficient",
                null,
                collected.get(1).samples()));

    assertEquals(
        List.of("fail", "zero"),
        Judge.judge(spec, collected).metrics().stream().map(MetricResult::onEmpty).toList());
    assertEquals("insufficient", Judge.judge(spec, withOwn).metrics().get(1).onEmpty());
  }

  @Test
  void isDeterministic() {
    assertEquals(Judge.judge(spec, collected), Judge.judge(spec, collected));
  }
}
