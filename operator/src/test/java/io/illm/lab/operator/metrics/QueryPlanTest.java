package io.illm.lab.operator.metrics;

import static io.illm.lab.operator.metrics.MetricSpecs.instant;
import static io.illm.lab.operator.metrics.MetricSpecs.perTarget;
import static io.illm.lab.operator.metrics.MetricSpecs.range;
import static io.illm.lab.operator.metrics.MetricSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.operator.metrics.QueryPlan.Window;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryPlanTest {

  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant END = START.plus(Duration.ofMinutes(5).plusSeconds(30));

  @Test
  void variablesAreReplacedOnceAndTheSameEverywhere() {
    ExperimentSpec spec =
        spec(
            instant(
                "rps",
                "sum(rate(x{namespace=\"$NAMESPACE\", experiment=\"$EXPERIMENT\"}[$DURATION]))"));

    PlannedSample sample =
        QueryPlan.of("exp-a", spec, START, END, 1).metrics().get(0).samples().get(0);

    assertEquals("sum(rate(x{namespace=\"exp-a\", experiment=\"exp-a\"}[5m30s]))", sample.query());
    assertNull(sample.target());
    assertNull(sample.problem());
  }

  @Test
  void perTargetQueriesRunOncePerTargetWithTargetAndCluster() {
    ExperimentSpec spec =
        spec(perTarget(instant("mem", "m{target=\"$TARGET\", cluster=\"$CLUSTER\"}")));

    List<PlannedSample> samples =
        QueryPlan.of("exp-a", spec, START, END, 1).metrics().get(0).samples();

    assertEquals(List.of("app", "load"), samples.stream().map(PlannedSample::target).toList());
    assertEquals(
        "m{target=\"app\", cluster=\"" + ExperimentNames.clusterName("exp-a", "app") + "\"}",
        samples.get(0).query());
    assertEquals("m{target=\"load\", cluster=\"hub\"}", samples.get(1).query());
  }

  @Test
  void anExperimentWideQueryNamingATargetIsNotSent() {
    PlannedSample sample =
        QueryPlan.of("exp-a", spec(instant("m", "m{target=\"$TARGET\"}")), START, END, 1)
            .metrics()
            .get(0)
            .samples()
            .get(0);

    assertEquals(
        "the query uses $TARGET or $CLUSTER, which only per-target queries have (set perTarget: true)",
        sample.problem());
  }

  @Test
  void repetitionsCutTheWindowIntoEqualWholeSecondWindowsEndingAtTheEnd() {
    QueryPlan plan = QueryPlan.of("exp-a", spec(range("m", "rate(m[$DURATION])")), START, END, 4);

    // 330 s / 4 = 82 s each; the 2 s left over are dropped at the start.
    assertEquals(
        List.of(
            new Window(0, START.plusSeconds(2), START.plusSeconds(84)),
            new Window(1, START.plusSeconds(84), START.plusSeconds(166)),
            new Window(2, START.plusSeconds(166), START.plusSeconds(248)),
            new Window(3, START.plusSeconds(248), END)),
        plan.windows());
    assertEquals("rate(m[1m22s])", plan.metrics().get(0).samples().get(0).query());
    assertEquals(Duration.ofSeconds(15), plan.step());
    assertEquals(4, plan.summaryWindow().repetitions());
    assertEquals("2026-01-01T10:00:00Z", plan.summaryWindow().start());
  }

  @Test
  void aWindowShorterThanASecondPerRepetitionIsWidened() {
    QueryPlan plan =
        QueryPlan.of("exp-a", spec(instant("m", "rate(m[$DURATION])")), START, START, 2);

    assertEquals(new Window(1, START.minusSeconds(1), START), plan.windows().get(1));
    assertEquals("rate(m[1s])", plan.metrics().get(0).samples().get(0).query());
  }

  @Test
  void theStepFollowsTheWindowLength() {
    assertEquals(15, QueryPlan.step(Duration.ofMinutes(4).plusSeconds(59)).toSeconds());
    assertEquals(60, QueryPlan.step(Duration.ofMinutes(5)).toSeconds());
    assertEquals(60, QueryPlan.step(Duration.ofHours(5)).toSeconds());
    assertEquals(60, QueryPlan.step(Duration.ofHours(6)).toSeconds());
    assertEquals(120, QueryPlan.step(Duration.ofHours(12)).toSeconds());
    assertEquals(240, QueryPlan.step(Duration.ofHours(24)).toSeconds());
  }

  @Test
  void withoutQueriesTheDefaultsRunPerTarget() {
    QueryPlan plan = QueryPlan.of("exp-a", spec(), START, END, 1);

    assertEquals(
        List.of("cpu_total", "memory_total", "cpu_by_pod", "memory_by_pod"),
        plan.metrics().stream().map(PlannedMetric::name).toList());
    PlannedMetric cpu = plan.metrics().get(0);
    assertEquals(QueryType.RANGE, cpu.type());
    assertEquals("cores", cpu.unit());
    assertEquals(
        "sum(rate(container_cpu_usage_seconds_total{namespace=\"exp-a\", cluster=\"hub\", container!=\"\","
            + " container!=\"POD\"}[1m]))",
        cpu.samples().get(1).query());
    assertEquals(8, plan.sampleCount());
  }

  @Test
  void defaultsOfAQueryComeFromTheQueryThenTheSpec() {
    ExperimentSpec spec =
        spec(instant("a", "a"), MetricSpecs.onEmpty(instant("b", "b"), EmptyResult.FAIL));
    spec.getMetrics().getQueries().get(0).setType(null);
    List<PlannedMetric> insufficient = QueryPlan.of("e", spec, START, END, 1).metrics();
    spec.setMetrics(new MetricsSpec(spec.getMetrics().getQueries(), EmptyResult.ZERO));
    List<PlannedMetric> zero = QueryPlan.of("e", spec, START, END, 1).metrics();

    assertEquals(QueryType.INSTANT, insufficient.get(0).type());
    assertEquals(EmptyResult.INSUFFICIENT, insufficient.get(0).onEmpty());
    assertEquals(EmptyResult.FAIL, insufficient.get(1).onEmpty());
    assertEquals(EmptyResult.ZERO, zero.get(0).onEmpty());
    assertEquals(EmptyResult.FAIL, zero.get(1).onEmpty());
  }

  @Test
  void badArgumentsAreRefused() {
    IllegalArgumentException reps =
        assertThrows(
            IllegalArgumentException.class, () -> QueryPlan.of("e", spec(), START, END, 0));
    IllegalArgumentException order =
        assertThrows(
            IllegalArgumentException.class, () -> QueryPlan.of("e", spec(), END, START, 1));

    assertEquals("repetitions must be at least 1, was 0", reps.getMessage());
    assertTrue(order.getMessage().startsWith("the window ends"), order.getMessage());
  }
}
