package io.illm.lab.operator.adapters.prometheus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.operator.metrics.RealPrometheus;
import io.illm.lab.results.MetricResult.Point;
import io.illm.lab.results.MetricResult.Series;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The API client against a real Prometheus (and, for outages, against {@link SimPrometheus}). */
class PrometheusApiTest {

  private static RealPrometheus prometheus;
  private static PrometheusApi api;

  @BeforeAll
  static void start() throws Exception {
    prometheus = RealPrometheus.start(4);
    api = PrometheusApi.of(prometheus.uri());
  }

  @AfterAll
  static void stop() throws IOException {
    if (prometheus != null) {
      prometheus.close();
    }
  }

  private static Instant later() {
    return Instant.now().plusSeconds(20);
  }

  /**
   * Sixteen queries at once through a fresh client start no thread of the JDK client's own pool and
   * at most two of the client's: threads cost memory in an operator that must fit 128 MiB.
   */
  @Test
  void concurrentQueriesUseTwoClientThreadsAtMost() throws Exception {
    PrometheusApi fresh = PrometheusApi.of(prometheus.uri());
    long jdkWorkers = threads("HttpClient-", "-Worker-");
    long clientThreads = threads("illm-prometheus-http-", "");
    java.util.concurrent.ExecutorService callers =
        java.util.concurrent.Executors.newFixedThreadPool(16);
    try {
      List<java.util.concurrent.Future<Answer>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        answers.add(
            callers.submit(
                () -> fresh.instant("lab_gauge{target=\"app\"}", Instant.now(), later())));
      }
      for (java.util.concurrent.Future<Answer> answer : answers) {
        answer.get();
      }
    } finally {
      callers.shutdown();
    }
    assertEquals(jdkWorkers, threads("HttpClient-", "-Worker-"), "the JDK client's own workers");
    assertTrue(threads("illm-prometheus-http-", "") - clientThreads <= 2, "the client's threads");
  }

  private static long threads(String prefix, String part) {
    return Thread.getAllStackTraces().keySet().stream()
        .map(Thread::getName)
        .filter(n -> n.startsWith(prefix) && n.contains(part))
        .count();
  }

  @Test
  void aGaugeReadsTheValueTheExporterServes() {
    Answer answer = api.instant("lab_gauge{target=\"app\"}", Instant.now(), later());

    assertTrue(answer.ok(), answer.error());
    assertEquals(1, answer.series().size());
    Series series = answer.series().get(0);
    assertEquals(
        List.of("__name__", "experiment", "instance", "job", "target"),
        List.copyOf(series.labels().keySet()));
    assertEquals("app", series.labels().get("target"));
    assertEquals(42.0, series.points().get(0).v());
  }

  @Test
  void aCountersRateIsItsIncreasePerSecond() {
    Answer answer = api.instant("rate(lab_requests_total[3s])", Instant.now(), later());

    assertTrue(answer.ok(), answer.error());
    assertEquals(10.0, answer.series().get(0).points().get(0).v(), 1.5);
  }

  @Test
  void aRangeQueryReturnsAPointPerStep() {
    Instant end = Instant.now();
    Answer answer =
        api.range("lab_gauge", end.minusSeconds(3), end, Duration.ofSeconds(1), later());

    assertTrue(answer.ok(), answer.error());
    assertEquals(
        List.of("app", "load"),
        answer.series().stream().map(s -> s.labels().get("target")).toList());
    List<Point> points = answer.series().get(1).points();
    assertEquals(4, points.size());
    assertTrue(points.stream().allMatch(p -> p.v() == 7.0), points.toString());
    assertEquals(1.0, points.get(1).t() - points.get(0).t(), 1e-9);
  }

  @Test
  void aBadQueryIsTheServersErrorNotARetry() {
    Answer answer = api.instant("sum(rate(lab_requests_total[1m])", Instant.now(), later());

    assertFalse(answer.ok());
    assertTrue(answer.answered());
    assertTrue(answer.error().startsWith("bad_data: "), answer.error());
    assertTrue(answer.error().contains("parse error"), answer.error());
    assertFalse(answer.error().contains("tries"), answer.error());
  }

  @Test
  void nanAndInfinitiesAreDroppedAndCounted() {
    Answer nan = api.instant("0/0", Instant.now(), later());
    Answer inf = api.instant("lab_gauge / 0", Instant.now(), later());

    assertTrue(nan.ok(), nan.error());
    assertEquals(List.of(), nan.series());
    assertEquals(1, nan.dropped());
    assertEquals(2, inf.dropped());
    assertFalse(inf.hasData());
  }

  @Test
  void anEmptyResultIsOkWithoutSeries() {
    Answer answer = api.instant("lab_gauge{target=\"nowhere\"}", Instant.now(), later());

    assertTrue(answer.ok());
    assertFalse(answer.hasData());
    assertNull(answer.error());
  }

  @Test
  void anUnreachableServerIsRetriedThenReported() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    PrometheusApi closed =
        new PrometheusApi(
            URI.create("http://127.0.0.1:" + port),
            HttpClient.newHttpClient(),
            new PrometheusApi.Retries(
                Duration.ofSeconds(1), 3, Duration.ofMillis(10), Duration.ofMillis(20)));

    Answer answer = closed.instant("up", Instant.now(), later());

    assertFalse(answer.answered());
    assertTrue(answer.error().startsWith("cannot reach http://127.0.0.1:" + port), answer.error());
    assertTrue(answer.error().endsWith("(after 3 tries)"), answer.error());
  }

  @Test
  void a503IsRetriedUntilTheServerAnswers() throws IOException {
    try (SimPrometheus sim = new SimPrometheus(1)) {
      PrometheusApi flaky =
          new PrometheusApi(
              sim.uri(),
              HttpClient.newHttpClient(),
              new PrometheusApi.Retries(
                  Duration.ofSeconds(2), 3, Duration.ofMillis(10), Duration.ofMillis(20)));
      sim.failNext(2);
      Answer recovered = flaky.instant("up", Instant.now(), later());
      sim.failNext(3);
      Answer down = flaky.instant("up", Instant.now(), later());

      assertTrue(recovered.ok(), recovered.error());
      assertEquals("unavailable: simulated outage (after 3 tries)", down.error());
      assertTrue(down.answered());
      assertEquals(6, sim.requests());
    }
  }

  @Test
  void scalarsAndForeignBodiesAreRead() {
    Answer scalar =
        Answer.parse(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"+Inf\"]}}");
    Answer one =
        Answer.parse(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1700000000.5,\"3\"]}}");
    Answer text =
        Answer.parse(
            200,
            "{\"status\":\"success\",\"data\":{\"resultType\":\"string\",\"result\":[1,\"x\"]}}");
    Answer html = Answer.parse(502, "<html><body>Bad gateway</body></html>");

    assertEquals(1, scalar.dropped());
    assertEquals(
        List.of(new Series(new java.util.TreeMap<>(), List.of(new Point(1700000000.5, 3)))),
        one.series());
    assertTrue(text.error().startsWith("result type \"string\" is not a number"), text.error());
    assertEquals(
        "HTTP 502: not a Prometheus API answer: <html><body>Bad gateway</body></html>",
        html.error());
  }

  @Test
  void timesAreSecondsWithMilliseconds() {
    assertEquals("1700000000", PrometheusApi.seconds(Instant.ofEpochSecond(1700000000)));
    assertEquals("1700000000.050", PrometheusApi.seconds(Instant.ofEpochMilli(1700000000050L)));
  }
}
