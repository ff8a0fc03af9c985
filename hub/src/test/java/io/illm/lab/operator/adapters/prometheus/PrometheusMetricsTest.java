package io.illm.lab.operator.adapters.prometheus;

import static io.illm.lab.operator.metrics.MetricSpecs.gate;
import static io.illm.lab.operator.metrics.MetricSpecs.instant;
import static io.illm.lab.operator.metrics.MetricSpecs.onEmpty;
import static io.illm.lab.operator.metrics.MetricSpecs.perTarget;
import static io.illm.lab.operator.metrics.MetricSpecs.range;
import static io.illm.lab.operator.metrics.MetricSpecs.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Action.CollectMetrics;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.lifecycle.Observation.MetricsObservation;
import io.illm.lab.operator.lifecycle.Observation.MetricsState;
import io.illm.lab.operator.metrics.Checkpoints;
import io.illm.lab.operator.metrics.RealPrometheus;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Sample;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metrics port end to end: against a real Prometheus, and against {@link SimPrometheus}. */
class PrometheusMetricsTest {

  private static final ExperimentId EXP = new ExperimentId("lab", "exp-a");

  /** Short retries so that an outage is reported quickly. */
  private static final PrometheusApi.Retries FAST =
      new PrometheusApi.Retries(
          Duration.ofSeconds(2), 2, Duration.ofMillis(10), Duration.ofMillis(20));

  private static RealPrometheus prometheus;
  private static ExecutorService workers;
  private static ScheduledExecutorService scheduler;

  private final LinkedBlockingQueue<ExperimentId> changed = new LinkedBlockingQueue<>();
  private final List<List<MetricResult>> judged = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    workers = Collector.workers(4);
    scheduler = Executors.newSingleThreadScheduledExecutor();
    prometheus = RealPrometheus.start(6);
  }

  @AfterAll
  static void stop() throws IOException {
    workers.shutdownNow();
    scheduler.shutdownNow();
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private PrometheusMetrics metrics(
      URI source, HypothesisResult verdict, int repetitions, Duration deadline) {
    BiFunction<ExperimentSpec, List<MetricResult>, HypothesisResult> judge =
        (spec, results) -> {
          judged.add(results);
          return verdict;
        };
    PrometheusApi api = new PrometheusApi(source, HttpClient.newHttpClient(), FAST);
    return new PrometheusMetrics(
        new Collector(api, workers, deadline),
        scheduler,
        judge,
        spec -> repetitions,
        changed::add,
        Checkpoints.NONE,
        false);
  }

  private MetricsObservation finished(PrometheusMetrics metrics) throws InterruptedException {
    assertEquals(EXP, changed.poll(20, TimeUnit.SECONDS), "no collection finished");
    return metrics.observe(EXP);
  }

  private static CollectMetrics lastSeconds(int seconds) {
    Instant end = Instant.now();
    return new CollectMetrics(EXP.name(), end.minusSeconds(seconds), end);
  }

  private static Sample sample(Collected c, String metric, String target) {
    return c.metrics().stream()
        .filter(m -> m.name().equals(metric))
        .findFirst()
        .orElseThrow()
        .sample(target);
  }

  @Test
  void realValuesPerTargetWithRatesErrorsAndEmptyRules() throws Exception {
    ExperimentSpec spec =
        spec(
            perTarget(
                instant("level", "lab_gauge{experiment=\"$EXPERIMENT\", target=\"$TARGET\"}")),
            instant("rps", "sum(rate(lab_requests_total{experiment=\"$EXPERIMENT\"}[$DURATION]))"),
            instant("broken", "sum(lab_gauge"),
            onEmpty(instant("none_zero", "lab_gauge{target=\"nowhere\"}"), EmptyResult.ZERO),
            instant("none", "lab_gauge{target=\"nowhere\"}"));
    PrometheusMetrics metrics =
        metrics(prometheus.uri(), HypothesisResult.VALIDATED, 1, Duration.ofSeconds(20));

    metrics.start(EXP, spec, lastSeconds(4));
    MetricsObservation done = finished(metrics);

    assertEquals(MetricsState.DONE, done.state(), done.message());
    assertEquals(HypothesisResult.VALIDATED, done.result());
    Collected c = metrics.observe(EXP).collected();
    assertEquals(List.of(42.0), sample(c, "level", "app").values());
    assertEquals(List.of(7.0), sample(c, "level", "load").values());
    assertEquals(
        "lab_gauge{experiment=\"exp-a\", target=\"load\"}", sample(c, "level", "load").query());
    assertEquals(10.0, sample(c, "rps", null).values().get(0), 1.5);
    Sample broken = sample(c, "broken", null);
    assertEquals(Outcome.ERROR, broken.outcome());
    assertTrue(broken.error().startsWith("bad_data: "), broken.error());
    assertEquals(Outcome.EMPTY, sample(c, "none_zero", null).outcome());
    assertEquals(List.of(0.0), sample(c, "none_zero", null).values());
    assertEquals(List.of(), sample(c, "none", null).values());
    assertEquals(4.0 / 6, c.quality().coverage(), 1e-9);
    assertEquals(1, c.quality().attempt());
    assertTrue(c.quality().passed());
    assertEquals(prometheus.uri().toString(), c.source());
    assertEquals(c.metrics(), judged.get(0));
    assertNull(c.metrics().get(0).better());
  }

  @Test
  void repetitionsGiveOneValuePerWindow() throws Exception {
    ExperimentSpec spec =
        spec(
            perTarget(range("level", "lab_gauge{target=\"$TARGET\"}")),
            instant("requests", "sum(increase(lab_requests_total[$DURATION]))"));
    PrometheusMetrics metrics =
        metrics(prometheus.uri(), HypothesisResult.VALIDATED, 2, Duration.ofSeconds(20));

    metrics.start(EXP, spec, lastSeconds(4));
    finished(metrics);

    Collected c = metrics.observe(EXP).collected();
    assertEquals(List.of(42.0, 42.0), sample(c, "level", "app").values());
    List<Double> requests = sample(c, "requests", null).values();
    assertEquals(2, requests.size());
    assertEquals(20.0, requests.get(0), 4);
    assertEquals(2, c.window().repetitions());
    assertEquals(6, c.raw().size());
  }

  @Test
  void aFailRuleWithoutDataRecollectsThenFailsNamingTheMetric() throws Exception {
    ExperimentSpec spec =
        gate(
            spec(
                instant("level", "lab_gauge"),
                onEmpty(instant("latency", "lab_latency_seconds"), EmptyResult.FAIL)),
            null,
            2,
            null,
            "1s");
    PrometheusMetrics metrics =
        metrics(prometheus.uri(), HypothesisResult.VALIDATED, 1, Duration.ofSeconds(20));

    metrics.start(EXP, spec, lastSeconds(4));
    MetricsObservation failed = finished(metrics);

    assertEquals(MetricsState.FAILED, failed.state());
    assertEquals("latency: empty result, and onEmpty is fail", failed.message());
    assertEquals(2, metrics.observe(EXP).collected().quality().attempt());
    assertEquals(2, judged.size());
  }

  @Test
  void anInsufficientVerdictRecollectsUpToTheLimitThenIsDone() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(5)) {
      ExperimentSpec spec =
          gate(spec(instant("rps", "sum(rate(requests_total[$DURATION]))")), null, 3, null, "1s");
      PrometheusMetrics metrics =
          metrics(sim.uri(), HypothesisResult.INSUFFICIENT, 1, Duration.ofSeconds(20));

      metrics.start(EXP, spec, lastSeconds(60));
      MetricsObservation done = finished(metrics);

      assertEquals(MetricsState.DONE, done.state());
      assertEquals(HypothesisResult.INSUFFICIENT, done.result());
      assertTrue(
          done.message().endsWith("after 3 attempts (quality gate not passed)"), done.message());
      Collected c = metrics.observe(EXP).collected();
      assertFalse(c.quality().passed());
      assertEquals(3, c.quality().attempt());
      assertEquals(3, sim.requests());
    }
  }

  @Test
  void startReturnsAtOnceAndASilentSourceFailsAtTheDeadline() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI source = URI.create("http://127.0.0.1:" + silent.getLocalPort());
      PrometheusMetrics metrics =
          metrics(source, HypothesisResult.VALIDATED, 1, Duration.ofMillis(1500));

      metrics.start(EXP, gate(spec(instant("a", "a")), false, null, null, null), lastSeconds(60));
      MetricsState during = metrics.observe(EXP).state();
      MetricsObservation failed = finished(metrics);

      assertEquals(MetricsState.RUNNING, during);
      assertEquals(MetricsState.FAILED, failed.state());
      assertEquals(
          "no query was answered by " + source + ": no answer before the collection deadline",
          failed.message());
    }
  }

  @Test
  void aSecondStartChangesNothing() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(5)) {
      PrometheusMetrics metrics =
          metrics(sim.uri(), HypothesisResult.VALIDATED, 1, Duration.ofSeconds(20));
      ExperimentSpec spec = spec(instant("a", "sum(a)"));

      metrics.start(EXP, spec, lastSeconds(60));
      metrics.start(EXP, spec, lastSeconds(60));
      finished(metrics);
      metrics.start(EXP, spec, lastSeconds(60));

      assertNull(changed.poll(300, TimeUnit.MILLISECONDS));
      assertEquals(1, sim.requests());
      assertEquals(
          MetricsState.NOT_STARTED, metrics.observe(new ExperimentId("lab", "other")).state());
    }
  }

  @Test
  void theDefaultQueriesAgainstTheSimulatedSourceAreMarkedSimulated() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(42)) {
      PrometheusMetrics metrics =
          metrics(sim.uri(), HypothesisResult.VALIDATED, 1, Duration.ofSeconds(20));

      metrics.start(EXP, spec(), lastSeconds(600));
      MetricsObservation done = finished(metrics);

      Collected c = metrics.observe(EXP).collected();
      assertEquals(MetricsState.DONE, done.state(), done.message());
      assertEquals(1.0, c.quality().coverage());
      assertEquals(
          List.of("cpu_total", "memory_total", "cpu_by_pod", "memory_by_pod"),
          c.metrics().stream().map(MetricResult::name).toList());
      assertTrue(
          c.metrics().stream()
              .flatMap(m -> m.samples().stream())
              .flatMap(s -> s.series().stream())
              .allMatch(s -> "true".equals(s.labels().get("simulated"))));
      double cpu = sample(c, "cpu_total", "app").values().get(0);
      assertTrue(cpu > 0.1 && cpu < 1, "cores: " + cpu);
      assertEquals(3, sample(c, "memory_by_pod", "load").series().size());
    }
  }
}
