package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import io.illm.lab.results.Verdict.Kind;
import io.illm.lab.results.Verdict.Outcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Criteria between targets on a run's page, values and thresholds in the metric's unit, and the
 * labels of two targets' thresholds apart from each other.
 */
class ComparativeCriteriaPageTest {

  private final Summary sample = SampleSummaries.multiTarget("t", 0);

  /** "aks-c below eks-b" (passed) and "aks-c at most 0.8 x gke-a" (undecided). */
  static List<Verdict.Criterion> comparative() {
    return List.of(
        new Verdict.Criterion(
            Kind.COMPARATIVE,
            "p99_latency",
            "aks-c",
            "eks-b",
            1.0,
            "lt",
            null,
            -20.0,
            -28.0,
            -12.0,
            0.95,
            Outcome.PASS,
            "aks-c below eks-b",
            null),
        new Verdict.Criterion(
            Kind.COMPARATIVE,
            "p99_latency",
            "aks-c",
            "gke-a",
            0.8,
            "lte",
            null,
            -12.0,
            -30.0,
            6.0,
            0.95,
            Outcome.INSUFFICIENT,
            "the interval contains 0",
            null));
  }

  private Summary withComparativeCriteria() {
    List<Verdict.Criterion> criteria = new ArrayList<>(sample.verdict().criteria());
    criteria.addAll(comparative());
    return new Summary(
        sample.schemaVersion(),
        sample.simulated(),
        sample.experiment(),
        sample.run(),
        sample.targets(),
        sample.workflow(),
        sample.metrics(),
        sample.comparisons(),
        new Verdict(HypothesisResult.INVALIDATED, criteria),
        sample.quality(),
        sample.cost(),
        sample.provenance());
  }

  @Test
  void theRunPageShowsEachCriterionBetweenTargetsWithItsIntervalAndOutcome() {
    Summary summary = withComparativeCriteria();
    String html =
        RunPage.html(
            new SiteRun(
                Path.of("summary.json"),
                summary,
                "latency-vs-memory",
                "r1",
                "latency-vs-memory",
                "r1",
                AnalysisSection.Read.NONE));

    assertTrue(html.contains("<td>&lt; eks-b</td>"), html);
    assertTrue(html.contains("<td>&#8804; 0.8 &#215; gke-a</td>"), html);
    assertTrue(html.contains("<td>difference -20 ms, 95%: -28 ms to -12 ms</td>"), html);
    assertTrue(html.contains("<td>~ insufficient</td>"), html);
    assertTrue(html.contains("<td>&lt; 110 ms</td>"), "a threshold in the metric's unit: " + html);
    assertTrue(html.contains("<td>-20 ms</td>"), "a comparison's difference in units: " + html);
  }

  @Test
  void criteriaBetweenTargetsDrawNoThresholdAndThresholdsReadLikeValues() {
    Summary summary = withComparativeCriteria();
    Chart chart =
        MetricCharts.chart(
            "metric-p99", summary.metric("p99_latency"), summary.verdict().criteria());

    JsonNode labels =
        ChartSpecsTest.layer(chart.spec(), "threshold_labels").path("data").path("values");
    assertEquals(2, labels.size(), "the two thresholds only: " + labels);
    assertEquals("< 130 ms (every target)", labels.get(0).path("label").asText());
    assertEquals("< 110 ms (gke-a)", labels.get(1).path("label").asText());
    assertTrue(chart.tables().contains("<td>95%: 94 ms to 106 ms</td>"), chart.tables());
  }

  @Test
  void twoTargetsCloseThresholdLabelsEndInDifferentPlaces() {
    List<Verdict.Criterion> criteria =
        List.of(
            new Verdict.Criterion("p99_latency", "aks-c", "lt", 120, 100.0, Outcome.PASS, "", null),
            new Verdict.Criterion("p99_latency", "eks-b", "lt", 121, 100.0, Outcome.PASS, "", null),
            new Verdict.Criterion(
                "p99_latency", "gke-a", "lt", 121, 100.0, Outcome.PASS, "", null));
    Chart chart = MetricCharts.chart("m", sample.metric("p99_latency"), criteria);

    JsonNode labels =
        ChartSpecsTest.layer(chart.spec(), "threshold_labels").path("data").path("values");
    assertEquals(2, labels.size(), "equal thresholds share one label: " + labels);
    assertEquals("< 120 ms (aks-c)", labels.get(0).path("label").asText());
    assertEquals("< 121 ms (eks-b, gke-a)", labels.get(1).path("label").asText());
    assertNotEquals(
        labels.get(0).path("labelX").asDouble(),
        labels.get(1).path("labelX").asDouble(),
        "close thresholds' labels end at different places: " + labels);
  }
}
