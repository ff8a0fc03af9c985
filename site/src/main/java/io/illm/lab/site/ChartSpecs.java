package io.illm.lab.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * Vega-Lite specs for the site's three kinds of chart. Every layer is named so that a page (and a
 * test) can find its marks: {@code bars}, {@code ci} (confidence intervals), {@code lines}, {@code
 * band} (the spread of several series), {@code points}, {@code trend}, {@code thresholds} and
 * {@code threshold_labels}. No chart tells things apart by colour alone: series also differ in dash
 * pattern or point shape, and thresholds are dashed and labelled.
 */
final class ChartSpecs {

  static final String SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
  private static final int WIDTH = 460;
  private static final int NARROWEST = 240;
  private static final int HEIGHT = 240;
  // ASCII only, like the pages (see Html.text)
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private ChartSpecs() {}

  /** A bar with its confidence interval (null bounds: none). */
  record Bar(String label, double mean, Double ciLow, Double ciHigh) {}

  /** A point of a named series of a group (its target); {@code t} in seconds since the epoch. */
  record LinePoint(String group, String series, double t, double v) {}

  /** A value of one target in one run. */
  record TrendPoint(String run, String target, double mean, Double ciLow, Double ciHigh) {}

  /** A horizontal rule at {@code value}, labelled e.g. "< 3 (gke-a)". */
  record Threshold(double value, String label) {}

  /** Bars, one per label in the given order, with confidence-interval rules and threshold rules. */
  static ObjectNode bars(
      String title,
      String description,
      String valueTitle,
      String labelTitle,
      List<Bar> bars,
      List<Threshold> thresholds) {
    ObjectNode spec = frame(title, description);
    // a bar is about 100 px wide whatever the count, within the usual width; room left for
    // threshold labels
    int width = Math.max(NARROWEST, Math.min(WIDTH, 110 * bars.size()));
    spec.put("width", width);
    ArrayNode values = spec.putObject("data").putArray("values");
    for (Bar bar : bars) {
      ObjectNode row = values.addObject().put("label", bar.label()).put("mean", bar.mean());
      putBounds(row, bar.ciLow(), bar.ciHigh());
    }
    ArrayNode layers = spec.putArray("layer");
    ObjectNode barLayer = layer(layers, "bars", "bar");
    ObjectNode x =
        barLayer
            .withObjectProperty("encoding")
            .putObject("x")
            .put("field", "label")
            .put("type", "nominal")
            .put("title", labelTitle);
    x.putNull("sort");
    x.putObject("axis").put("labelAngle", 0);
    barLayer
        .withObjectProperty("encoding")
        .putObject("y")
        .put("field", "mean")
        .put("type", "quantitative")
        .put("title", valueTitle);
    barLayer
        .withObjectProperty("encoding")
        .putArray("tooltip")
        .add(field("label", "nominal"))
        .add(field("mean", "quantitative"));
    // a layer without any interval would give Vega an empty (infinite) extent and a warning
    if (bars.stream().anyMatch(b -> b.ciLow() != null && b.ciHigh() != null)) {
      ObjectNode ci = layer(layers, "ci", "rule");
      ci.withObjectProperty("mark").put("strokeWidth", 2).put("color", "#222222");
      ci.putArray("transform")
          .addObject()
          .put("filter", "isValid(datum.ciLow) && isValid(datum.ciHigh)");
      ci.withObjectProperty("encoding")
          .putObject("x")
          .put("field", "label")
          .put("type", "nominal")
          .putNull("sort");
      ci.withObjectProperty("encoding")
          .putObject("y")
          .put("field", "ciLow")
          .put("type", "quantitative");
      ci.withObjectProperty("encoding").putObject("y2").put("field", "ciHigh");
    }
    addThresholds(layers, thresholds, width);
    return spec;
  }

  /**
   * Lines over time, one per series (colour and dash); with {@code band}, behind them the min-max
   * band of each group's series (a target's pods, say).
   */
  static ObjectNode lines(
      String title,
      String description,
      String valueTitle,
      List<LinePoint> points,
      boolean band,
      List<Threshold> thresholds) {
    ObjectNode spec = frame(title, description);
    ArrayNode values = spec.putObject("data").putArray("values");
    for (LinePoint point : points) {
      // Vega-Lite reads a number on a temporal field as milliseconds
      values
          .addObject()
          .put("group", point.group())
          .put("series", point.series())
          .put("t", Math.round(point.t() * 1000))
          .put("v", point.v());
    }
    ArrayNode layers = spec.putArray("layer");
    if (band) {
      ObjectNode spread = layer(layers, "band", "area");
      spread.withObjectProperty("mark").put("opacity", 0.25).put("color", "#888888");
      ObjectNode aggregate = spread.putArray("transform").addObject();
      aggregate
          .putArray("aggregate")
          .add(JSON.createObjectNode().put("op", "min").put("field", "v").put("as", "low"))
          .add(JSON.createObjectNode().put("op", "max").put("field", "v").put("as", "high"));
      aggregate.putArray("groupby").add("group").add("t");
      spread.withObjectProperty("encoding").set("x", time());
      spread
          .withObjectProperty("encoding")
          .putObject("y")
          .put("field", "low")
          .put("type", "quantitative")
          .put("title", valueTitle);
      spread.withObjectProperty("encoding").putObject("y2").put("field", "high");
      spread
          .withObjectProperty("encoding")
          .putObject("detail")
          .put("field", "group")
          .put("type", "nominal");
    }
    ObjectNode lines = layer(layers, "lines", "line");
    lines.withObjectProperty("encoding").set("x", time());
    lines
        .withObjectProperty("encoding")
        .putObject("y")
        .put("field", "v")
        .put("type", "quantitative")
        .put("title", valueTitle);
    lines
        .withObjectProperty("encoding")
        .putObject("color")
        .put("field", "series")
        .put("type", "nominal")
        .putObject("legend")
        .put("title", "series")
        .put("orient", "bottom")
        .put("columns", 1);
    lines
        .withObjectProperty("encoding")
        .putObject("strokeDash")
        .put("field", "series")
        .put("type", "nominal");
    ObjectNode when =
        field("t", "temporal")
            .put("timeUnit", "utcyearmonthdatehoursminutesseconds")
            .put("title", "time (UTC)");
    lines
        .withObjectProperty("encoding")
        .putArray("tooltip")
        .add(field("series", "nominal"))
        .add(when)
        .add(field("v", "quantitative"));
    addThresholds(layers, thresholds, WIDTH);
    return spec;
  }

  /**
   * A metric's value per run (x, in the given order), one line per target told apart by dash and
   * shape.
   */
  static ObjectNode trend(
      String title,
      String description,
      String valueTitle,
      List<String> runs,
      List<TrendPoint> points,
      List<Threshold> thresholds) {
    ObjectNode spec = frame(title, description);
    ArrayNode values = spec.putObject("data").putArray("values");
    for (TrendPoint point : points) {
      ObjectNode row =
          values
              .addObject()
              .put("run", point.run())
              .put("target", point.target())
              .put("mean", point.mean());
      putBounds(row, point.ciLow(), point.ciHigh());
    }
    ArrayNode layers = spec.putArray("layer");
    ObjectNode trend = layer(layers, "trend", "line");
    runAxis(trend, runs);
    trend
        .withObjectProperty("encoding")
        .putObject("y")
        .put("field", "mean")
        .put("type", "quantitative")
        .put("title", valueTitle);
    trend
        .withObjectProperty("encoding")
        .putObject("color")
        .put("field", "target")
        .put("type", "nominal")
        .putObject("legend")
        .put("title", "target")
        .put("orient", "bottom");
    trend
        .withObjectProperty("encoding")
        .putObject("strokeDash")
        .put("field", "target")
        .put("type", "nominal");
    if (points.stream().anyMatch(p -> p.ciLow() != null && p.ciHigh() != null)) {
      ObjectNode ci = layer(layers, "ci", "rule");
      ci.putArray("transform")
          .addObject()
          .put("filter", "isValid(datum.ciLow) && isValid(datum.ciHigh)");
      runAxis(ci, runs);
      ci.withObjectProperty("encoding")
          .putObject("y")
          .put("field", "ciLow")
          .put("type", "quantitative");
      ci.withObjectProperty("encoding").putObject("y2").put("field", "ciHigh");
      ci.withObjectProperty("encoding")
          .putObject("color")
          .put("field", "target")
          .put("type", "nominal");
    }
    ObjectNode dots = layer(layers, "points", "point");
    dots.withObjectProperty("mark").put("filled", true).put("size", 70);
    runAxis(dots, runs);
    dots.withObjectProperty("encoding")
        .putObject("y")
        .put("field", "mean")
        .put("type", "quantitative");
    dots.withObjectProperty("encoding")
        .putObject("color")
        .put("field", "target")
        .put("type", "nominal");
    dots.withObjectProperty("encoding")
        .putObject("shape")
        .put("field", "target")
        .put("type", "nominal");
    dots.withObjectProperty("encoding")
        .putArray("tooltip")
        .add(field("run", "ordinal"))
        .add(field("target", "nominal"))
        .add(field("mean", "quantitative"));
    addThresholds(layers, thresholds, WIDTH);
    return spec;
  }

  /**
   * The spec as compact JSON that is safe inside a {@code <script type="application/json">}: {@code
   * <}, {@code >} and {@code &} appear only inside JSON strings, where the {@code \}{@code u}
   * escapes mean the same.
   */
  static String json(ObjectNode spec) {
    try {
      return JSON.writeValueAsString(spec)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("chart spec cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectNode frame(String title, String description) {
    ObjectNode spec = JSON.createObjectNode();
    spec.put("$schema", SCHEMA);
    spec.putObject("title").put("text", title).put("anchor", "start");
    spec.put("description", description);
    spec.put("width", WIDTH).put("height", HEIGHT);
    return spec;
  }

  private static ObjectNode layer(ArrayNode layers, String name, String mark) {
    ObjectNode layer = layers.addObject();
    layer.put("name", name);
    layer.putObject("mark").put("type", mark);
    layer.putObject("encoding");
    return layer;
  }

  private static void addThresholds(ArrayNode layers, List<Threshold> thresholds, int width) {
    if (thresholds.isEmpty()) {
      return;
    }
    ArrayNode values = JSON.createArrayNode();
    // labels end at the right edge or in the middle, alternately from the highest threshold down,
    // so that two close thresholds (two targets' limits) never put their labels on each other
    List<Double> ranked =
        thresholds.stream()
            .map(Threshold::value)
            .distinct()
            .sorted(Comparator.reverseOrder())
            .toList();
    thresholds.forEach(
        t ->
            values
                .addObject()
                .put("threshold", t.value())
                .put("label", t.label())
                .put("labelX", ranked.indexOf(t.value()) % 2 == 0 ? width : width / 2));
    ObjectNode rules = layer(layers, "thresholds", "rule");
    rules.putObject("data").set("values", values);
    rules
        .withObjectProperty("mark")
        .put("color", "#b00020")
        .put("strokeWidth", 2)
        .putArray("strokeDash")
        .add(6)
        .add(4);
    rules
        .withObjectProperty("encoding")
        .putObject("y")
        .put("field", "threshold")
        .put("type", "quantitative");
    ObjectNode labels = layer(layers, "threshold_labels", "text");
    labels.putObject("data").set("values", values.deepCopy());
    labels
        .withObjectProperty("mark")
        .put("align", "right")
        .put("baseline", "bottom")
        .put("dy", -3)
        .put("color", "#b00020");
    labels
        .withObjectProperty("encoding")
        .putObject("x")
        .put("field", "labelX")
        .put("type", "quantitative")
        .putNull("scale");
    labels
        .withObjectProperty("encoding")
        .putObject("y")
        .put("field", "threshold")
        .put("type", "quantitative");
    labels.withObjectProperty("encoding").putObject("text").put("field", "label");
  }

  private static void runAxis(ObjectNode layer, List<String> runs) {
    ObjectNode x =
        layer
            .withObjectProperty("encoding")
            .putObject("x")
            .put("field", "run")
            .put("type", "ordinal")
            .put("title", "run");
    ArrayNode sort = x.putArray("sort");
    runs.forEach(sort::add);
    x.putObject("axis").put("labelAngle", -30);
  }

  private static void putBounds(ObjectNode row, Double low, Double high) {
    if (low != null && high != null) {
      row.put("ciLow", low).put("ciHigh", high);
    }
  }

  private static ObjectNode time() {
    ObjectNode x =
        JSON.createObjectNode()
            .put("field", "t")
            .put("type", "temporal")
            .put("title", "time (UTC)");
    x.putObject("scale").put("type", "utc");
    return x;
  }

  private static ObjectNode field(String name, String type) {
    return JSON.createObjectNode().put("field", name).put("type", type);
  }
}
