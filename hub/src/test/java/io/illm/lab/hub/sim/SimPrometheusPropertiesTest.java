package io.illm.lab.hub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.adapters.prometheus.PrometheusApi;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Series;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/**
 * What holds in every series the simulated Prometheus gives, over its HTTP API, for experiments it
 * has a profile of (drawn: 1-3 targets, components with or without declared requests and limits, a
 * workflow load or none) and for ones it has not: a peak (max_over_time) is at least every point of
 * its window and so their mean, which is at least the minimum (min_over_time); avg_over_time lies
 * between; a memory peak stays under the declared limit; counters never decrease; rates are never
 * negative; every series says simulated.
 */
class SimPrometheusPropertiesTest {

  private static final int EXAMPLES = 25;

  /** At most this many points per range query, as Prometheus caps them (11,000) but smaller. */
  private static final long POINTS = 240;

  private static final Instant DEADLINE = Instant.now().plusSeconds(600);
  private static final String MEMORY = "container_memory_working_set_bytes";
  private static final String CPU = "container_cpu_usage_seconds_total";

  private static SimPrometheus sim;
  private static PrometheusApi api;

  /** A drawn experiment: its spec, its components, the window asked about. */
  private record Case(
      Experiment experiment,
      Map<String, ComponentSpec> components,
      Instant end,
      long seconds,
      long step,
      boolean registered) {}

  @BeforeAll
  static void start() throws IOException {
    sim = new SimPrometheus(3);
    api = PrometheusApi.of(sim.uri());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void peaksMeansMinimaCountersAndRatesHoldTheirOrder() {
    qt().withExamples(EXAMPLES)
        .withShrinkCycles(0)
        .forAll(cases())
        .checkAssert(SimPrometheusPropertiesTest::holds);
  }

  private static void holds(Case c) {
    String name = c.experiment().getMetadata().getName();
    if (c.registered()) {
      sim.register(c.experiment(), n -> Optional.ofNullable(c.components().get(n)));
    }
    for (var target : c.experiment().getSpec().getTargets()) {
      String selector =
          "{experiment=\"" + name + "\",target=\"" + target.getName() + "\",container!=\"\"}";
      windowOrder(c, "sum(" + MEMORY + selector + ")");
      windowOrder(c, "sum by (pod) (" + MEMORY + selector + ")");
      neverDecreases(range(c, "sum(" + CPU + selector + ")"));
      for (Series rate : range(c, "sum(rate(" + CPU + selector + "[5m]))").series()) {
        rate.points().forEach(p -> assertTrue(p.v() >= 0, "a negative rate: " + rate));
      }
    }
    if (c.registered()) {
      underTheLimit(c);
    }
  }

  /** max_over_time >= every point >= min_over_time; avg_over_time and the mean in between. */
  private static void windowOrder(Case c, String inner) {
    String window = "[" + c.seconds() + "s:1m]";
    Map<Map<String, String>, Double> peak =
        byLabels(instant(c, "max_over_time(" + inner + window + ")"));
    Map<Map<String, String>, Double> low =
        byLabels(instant(c, "min_over_time(" + inner + window + ")"));
    Map<Map<String, String>, Double> avg =
        byLabels(instant(c, "avg_over_time(" + inner + window + ")"));
    for (Series series : range(c, inner).series()) {
      double max = peak.get(series.labels());
      double min = low.get(series.labels());
      double mean = series.points().stream().mapToDouble(Point::v).average().orElseThrow();
      series.points().forEach(p -> assertTrue(min <= p.v() && p.v() <= max, p + " in " + series));
      assertTrue(min <= mean && mean <= max, min + " <= " + mean + " <= " + max);
      double a = avg.get(series.labels());
      assertTrue(min <= a && a <= max, min + " <= avg " + a + " <= " + max);
    }
  }

  private static void neverDecreases(Answer answer) {
    for (Series series : answer.series()) {
      for (int i = 1; i < series.points().size(); i++) {
        assertTrue(
            series.points().get(i).v() >= series.points().get(i - 1).v(),
            "a counter fell at point " + i + " of " + series.labels());
      }
    }
  }

  /** Every pod's memory peak stays below the limit its component declares (or the default). */
  private static void underTheLimit(Case c) {
    SimProfile profile =
        SimProfile.of(c.experiment(), n -> Optional.ofNullable(c.components().get(n)), 3);
    for (SimProfile.Pod pod : profile.pods()) {
      String query =
          "max_over_time("
              + MEMORY
              + "{experiment=\""
              + pod.labels().get("experiment")
              + "\",pod=\""
              + pod.labels().get("pod")
              + "\",target=\""
              + pod.labels().get("target")
              + "\"}["
              + c.seconds()
              + "s])";
      for (Series s : instant(c, query).series()) {
        assertTrue(s.points().get(0).v() < pod.memoryLimit(), s + " over " + pod.memoryLimit());
      }
    }
  }

  private static Answer instant(Case c, String query) {
    return simulated(api.instant(query, c.end(), DEADLINE));
  }

  private static Answer range(Case c, String query) {
    return simulated(
        api.range(
            query,
            c.end().minusSeconds(c.seconds()),
            c.end(),
            Duration.ofSeconds(c.step()),
            DEADLINE));
  }

  private static Answer simulated(Answer answer) {
    assertEquals(null, answer.error(), answer.toString());
    assertTrue(answer.hasData(), answer.toString());
    answer.series().forEach(s -> assertEquals("true", s.labels().get("simulated"), s.toString()));
    return answer;
  }

  private static Map<Map<String, String>, Double> byLabels(Answer answer) {
    Map<Map<String, String>, Double> values = new HashMap<>();
    answer.series().forEach(s -> values.put(s.labels(), s.points().get(0).v()));
    return values;
  }

  private static Gen<Case> cases() {
    return SourceDSL.integers()
        .all()
        .zip(
            SourceDSL.longs().between(1, 3 * 3600),
            SourceDSL.integers().between(0, 2),
            SourceDSL.booleans().all(),
            (seed, seconds, step, registered) ->
                drawn(
                    seed,
                    seconds,
                    Math.max(new long[] {1, 15, 60}[step], (seconds + POINTS - 1) / POINTS),
                    registered));
  }

  private static Case drawn(int seed, long seconds, long step, boolean registered) {
    java.util.Random r = new java.util.Random(seed);
    Map<String, ComponentSpec> components = new HashMap<>();
    String[] names = new String[1 + r.nextInt(3)];
    for (int i = 0; i < names.length; i++) {
      names[i] = "c" + i;
      components.put(names[i], SimProfileTest.helm("rel" + i, resources(r)));
    }
    Map<String, String> params =
        r.nextBoolean()
            ? Map.of()
            : Map.of(r.nextBoolean() ? "series" : "rate", "" + r.nextInt(200_000));
    Experiment experiment = SimProfileTest.experiment("e" + (seed & 0xffff), params, names);
    Instant end = Instant.parse("2026-03-01T00:00:00Z").plusSeconds(r.nextInt(30 * 86400));
    return new Case(experiment, components, end, seconds, step, registered);
  }

  private static Map<String, String> resources(java.util.Random r) {
    Map<String, String> values = new HashMap<>();
    if (r.nextBoolean()) {
      values.put("server.resources.requests.memory", (16 + r.nextInt(1024)) + "Mi");
    }
    if (r.nextBoolean()) {
      values.put("server.resources.limits.memory", (64 + r.nextInt(4096)) + "Mi");
    }
    if (r.nextBoolean()) {
      values.put("resources.requests.cpu", (10 + r.nextInt(2000)) + "m");
    }
    return values;
  }
}
