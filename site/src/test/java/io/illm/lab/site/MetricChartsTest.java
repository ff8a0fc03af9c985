package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricChartsTest {

  private final Summary summary = SampleSummaries.multiTarget("t", 0);

  @Test
  void anInstantMetricIsOneBarPerTargetWithTheThresholdsOfItsCriteria() {
    Chart chart =
        MetricCharts.chart(
            "metric-p99", summary.metric("p99_latency"), summary.verdict().criteria());
    assertEquals(3, chart.spec().path("data").path("values").size());
    assertEquals("gke-a", chart.spec().path("data").path("values").get(2).path("label").asText());
    assertEquals(140.0, chart.spec().path("data").path("values").get(2).path("mean").asDouble());
    assertEquals(106.0, chart.spec().path("data").path("values").get(0).path("ciHigh").asDouble());
    var thresholds = ChartSpecsTest.layer(chart.spec(), "thresholds").path("data").path("values");
    assertEquals(2, thresholds.size());
    assertEquals("< 110 ms (gke-a)", thresholds.get(1).path("label").asText());
    assertTrue(
        chart
            .tables()
            .contains("<caption>p99 request latency (p99_latency): mean over repetition windows"),
        chart.tables());
    assertTrue(chart.tables().contains("<td>95%: 94 ms to 106 ms</td>"), chart.tables());
  }

  @Test
  void aRangeMetricIsALinePerSeriesWithABand() {
    Chart chart =
        MetricCharts.chart(
            "metric-rss", summary.metric("memory_rss"), summary.verdict().criteria());
    assertEquals(
        List.of("band", "lines", "thresholds", "threshold_labels"),
        ChartSpecsTest.layerNames(chart.spec()));
    assertEquals(
        30, chart.spec().path("data").path("values").size(), "3 targets x 2 pods x 5 points");
    assertEquals(
        "aks-c pod=app-0", chart.spec().path("data").path("values").get(0).path("series").asText());
    assertTrue(chart.tables().contains("All 30 points as a table"), chart.tables());
  }

  @Test
  void aMetricWithoutDataHasNoChartButItsTable() {
    MetricResult empty =
        new MetricResult(
            "m",
            "instant",
            null,
            null,
            null,
            true,
            "fail",
            null,
            List.of(
                new MetricResult.Sample(
                    "gke-a",
                    "q",
                    MetricResult.Outcome.ERROR,
                    "bad_data: parse error",
                    null,
                    null,
                    null)));
    Chart chart = MetricCharts.chart("metric-m", empty, List.of());
    assertNull(chart.spec());
    assertTrue(chart.html().contains("No data"), chart.html());
    assertTrue(chart.tables().contains("error: bad_data: parse error"), chart.tables());
  }
}
