package io.illm.lab.hub.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.operator.adapters.prometheus.PrometheusApi;
import io.illm.lab.operator.metrics.Answer;
import io.illm.lab.results.MetricResult.Series;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimPrometheusTest {

  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final Instant LATER = Instant.now().plusSeconds(20);

  @Test
  void theSameSeedGivesTheSameValuesAndEverySeriesSaysSimulated() throws Exception {
    try (SimPrometheus a = new SimPrometheus(7);
        SimPrometheus b = new SimPrometheus(7);
        SimPrometheus c = new SimPrometheus(8)) {
      String query = "sum by (pod) (container_memory_working_set_bytes{namespace=\"exp-a\"})";
      Answer first =
          PrometheusApi.of(a.uri())
              .range(query, T, T.plusSeconds(60), Duration.ofSeconds(15), LATER);
      Answer same =
          PrometheusApi.of(b.uri())
              .range(query, T, T.plusSeconds(60), Duration.ofSeconds(15), LATER);
      Answer other =
          PrometheusApi.of(c.uri())
              .range(query, T, T.plusSeconds(60), Duration.ofSeconds(15), LATER);

      assertEquals(first.series(), same.series());
      assertNotEquals(first.series(), other.series());
      assertEquals(
          List.of("pod-0", "pod-1", "pod-2"),
          first.series().stream().map(s -> s.labels().get("pod")).toList());
      Series series = first.series().get(0);
      assertEquals(
          java.util.Map.of("pod", "pod-0", "simulated", "true"),
          series.labels(),
          "sum by (pod) keeps pod only, as Prometheus does; simulated says what it is");
      assertEquals(5, series.points().size());
      assertTrue(
          series.points().stream().allMatch(p -> p.v() > 5e7 && p.v() < 5e8), series.toString());
    }
  }

  @Test
  void theServerSendsWithoutNaglesDelay() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(1)) {
      assertEquals(
          "true",
          System.getProperty(SimPrometheus.NO_DELAY),
          "without it every query waits about 40 ms for the client's delayed acknowledgement");
    }
  }

  @Test
  void anUnbalancedQueryIsBadDataAsPrometheusSaysIt() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(1)) {
      Answer answer = PrometheusApi.of(sim.uri()).instant("sum(rate(x[1m])", T, LATER);

      assertEquals(
          "bad_data: invalid parameter \"query\": parse error: unclosed \"(\"", answer.error());
    }
  }

  @Test
  void theEmptySwitchEmptiesMatchingQueries() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(1)) {
      sim.empty("errors_total");
      PrometheusApi api = PrometheusApi.of(sim.uri());

      assertFalse(api.instant("sum(errors_total)", T, LATER).hasData());
      assertTrue(api.instant("sum(requests_total)", T, LATER).hasData());
    }
  }

  @Test
  void buildInfoAnswersLikePrometheus() throws Exception {
    try (SimPrometheus sim = new SimPrometheus(3)) {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(sim.uri() + "/api/v1/status/buildinfo"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertEquals(200, response.statusCode());
      assertEquals(
          "{\"status\":\"success\",\"data\":{\"version\":\"simulated\",\"revision\":\"sim-3\"}}",
          response.body());
    }
  }
}
