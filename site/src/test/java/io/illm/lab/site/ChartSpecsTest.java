package io.illm.lab.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartSpecsTest {

  private static final List<ChartSpecs.Threshold> TWO =
      List.of(
          new ChartSpecs.Threshold(130, "< 130 (every target)"),
          new ChartSpecs.Threshold(110, "< 110 (gke-a)"));

  static JsonNode layer(JsonNode spec, String name) {
    for (JsonNode layer : spec.path("layer")) {
      if (layer.path("name").asText().equals(name)) {
        return layer;
      }
    }
    return null;
  }

  static List<String> layerNames(JsonNode spec) {
    List<String> names = new ArrayList<>();
    spec.path("layer").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  @Test
  void barsHaveOneBarPerTargetIntervalsAndARulePerThreshold() {
    ObjectNode spec =
        ChartSpecs.bars(
            "p99",
            "desc",
            "mean p99 (ms)",
            "target",
            List.of(
                new ChartSpecs.Bar("aks-c", 100, 94.0, 106.0),
                new ChartSpecs.Bar("gke-a", 140, null, null)),
            TWO);
    assertEquals(ChartSpecs.SCHEMA, spec.path("$schema").asText());
    assertEquals("p99", spec.path("title").path("text").asText());
    assertEquals(List.of("bars", "ci", "thresholds", "threshold_labels"), layerNames(spec));
    JsonNode bars = layer(spec, "bars");
    assertEquals("bar", bars.path("mark").path("type").asText());
    assertEquals("label", bars.path("encoding").path("x").path("field").asText());
    assertEquals("nominal", bars.path("encoding").path("x").path("type").asText());
    assertEquals("mean", bars.path("encoding").path("y").path("field").asText());
    assertEquals(2, spec.path("data").path("values").size());
    assertFalse(spec.path("data").path("values").get(1).has("ciLow"), "no interval: no bounds");
    JsonNode ci = layer(spec, "ci");
    assertEquals("rule", ci.path("mark").path("type").asText());
    assertEquals("ciLow", ci.path("encoding").path("y").path("field").asText());
    assertEquals("ciHigh", ci.path("encoding").path("y2").path("field").asText());
    JsonNode rules = layer(spec, "thresholds");
    assertEquals("rule", rules.path("mark").path("type").asText());
    assertEquals(2, rules.path("data").path("values").size());
    assertEquals(130.0, rules.path("data").path("values").get(0).path("threshold").asDouble());
    assertTrue(rules.path("mark").has("strokeDash"), "thresholds are dashed, not only coloured");
    assertEquals(
        "label",
        layer(spec, "threshold_labels").path("encoding").path("text").path("field").asText());
  }

  @Test
  void noThresholdsNoRuleLayers() {
    ObjectNode spec =
        ChartSpecs.bars(
            "t", "d", "v", "target", List.of(new ChartSpecs.Bar("a", 1, null, null)), List.of());
    assertEquals(
        List.of("bars"),
        layerNames(spec),
        "no interval, no ci layer (Vega warns of an empty extent)");
  }

  @Test
  void linesTellSeriesApartByDashAsWellAsColourAndBandOnlyForSeveral() {
    List<ChartSpecs.LinePoint> points =
        List.of(
            new ChartSpecs.LinePoint("t", "a", 1.5, 1), new ChartSpecs.LinePoint("t", "b", 1.5, 2));
    ObjectNode several = ChartSpecs.lines("m", "d", "v", points, true, TWO.subList(0, 1));
    assertEquals(List.of("band", "lines", "thresholds", "threshold_labels"), layerNames(several));
    JsonNode lines = layer(several, "lines");
    assertEquals("line", lines.path("mark").path("type").asText());
    assertEquals("temporal", lines.path("encoding").path("x").path("type").asText());
    assertEquals("series", lines.path("encoding").path("color").path("field").asText());
    assertEquals("series", lines.path("encoding").path("strokeDash").path("field").asText());
    assertEquals(
        1500, several.path("data").path("values").get(0).path("t").asLong(), "seconds become ms");
    JsonNode band = layer(several, "band");
    assertEquals("area", band.path("mark").path("type").asText());
    assertEquals("low", band.path("encoding").path("y").path("field").asText());
    assertEquals("high", band.path("encoding").path("y2").path("field").asText());
    assertEquals(
        "group", band.path("encoding").path("detail").path("field").asText(), "a band per target");
    ObjectNode one = ChartSpecs.lines("m", "d", "v", points.subList(0, 1), false, List.of());
    assertEquals(List.of("lines"), layerNames(one));
  }

  @Test
  void trendPlotsRunsInTheGivenOrderWithShapePerTarget() {
    ObjectNode spec =
        ChartSpecs.trend(
            "t",
            "d",
            "v",
            List.of("r2", "r1"),
            List.of(new ChartSpecs.TrendPoint("r1", "a", 1, 0.5, 1.5)),
            List.of());
    assertEquals(List.of("trend", "ci", "points"), layerNames(spec));
    assertEquals(
        "r2", layer(spec, "points").path("encoding").path("x").path("sort").get(0).asText());
    assertEquals(
        "target", layer(spec, "points").path("encoding").path("shape").path("field").asText());
    assertEquals(
        "target", layer(spec, "trend").path("encoding").path("strokeDash").path("field").asText());
  }

  @Test
  void jsonCannotCloseItsScriptElement() throws Exception {
    ObjectNode spec = ChartSpecs.bars("</script><b>&", "d", "v", "target", List.of(), List.of());
    String json = ChartSpecs.json(spec);
    assertFalse(json.contains("<") || json.contains(">") || json.contains("&"), json);
    assertEquals(
        "</script><b>&", new ObjectMapper().readTree(json).path("title").path("text").asText());
  }
}
