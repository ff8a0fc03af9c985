package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.results.Analysis;
import io.illm.lab.results.AnalysisJson;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's summary.json cut to the detail asked: {@code summary} keeps each metric's statistics per
 * target, {@code metrics} adds each repetition's value, the query and why it gave nothing, {@code
 * full} adds the series. Everything else of the summary (verdict, criteria, comparisons, cost,
 * quality, provenance) is always there; it is what a verdict is explained with.
 */
final class SummaryView {

  /** The summary's sections shown whole; its experiment and run sections are renamed. */
  private static final List<String> KEPT =
      List.of(
          "simulated",
          "targets",
          "workflow",
          "verdict",
          "comparisons",
          "quality",
          "cost",
          "provenance");

  /** How much of an analysis a result repeats; the site shows all of it. */
  static final int EXCERPT = 400;

  private SummaryView() {}

  static ObjectNode of(Runs.Run run, String location, LabTool.Call call) {
    JsonNode s = run.summary();
    String detail = call.text("detail") == null ? "summary" : call.text("detail");
    String only = call.text("metric");
    ObjectNode out = LabYaml.json().createObjectNode();
    out.put("experiment", run.key().experiment());
    out.put("run", run.key().run());
    out.put("location", location);
    out.put("summarySha256", AuditLog.sha256(run.bytes()));
    out.set("about", s.get("experiment"));
    out.set("runInfo", s.get("run"));
    KEPT.forEach(field -> out.set(field, s.get(field)));
    List<JsonNode> metrics = new ArrayList<>();
    for (JsonNode metric : s.path("metrics")) {
      if (only == null || only.equals(metric.path("name").asText())) {
        metrics.add(metric(metric, detail));
      }
    }
    Paging.into(out, "metrics", metrics, call);
    out.set("analyses", analyses(run));
    return out;
  }

  /** Per metric and target, the mean and its interval: what compare_runs lines up. */
  static ObjectNode means(JsonNode summary) {
    ObjectNode means = LabYaml.json().createObjectNode();
    for (JsonNode metric : summary.path("metrics")) {
      ObjectNode perTarget = means.putObject(metric.path("name").asText());
      for (JsonNode sample : metric.path("samples")) {
        JsonNode stats = sample.path("stats");
        perTarget
            .putObject(sample.path("target").asText("_experiment"))
            .put("mean", stats.path("mean").isNumber() ? stats.path("mean").asDouble() : null)
            .put("ciLow", stats.path("ciLow").isNumber() ? stats.path("ciLow").asDouble() : null)
            .put("ciHigh", stats.path("ciHigh").isNumber() ? stats.path("ciHigh").asDouble() : null)
            .put("n", stats.path("n").asInt(0));
      }
    }
    return means;
  }

  private static JsonNode metric(JsonNode metric, String detail) {
    ObjectNode out = ((ObjectNode) metric).deepCopy();
    out.remove("samples");
    ArrayNode samples = out.putArray("samples");
    for (JsonNode sample : metric.path("samples")) {
      ObjectNode copy = ((ObjectNode) sample).deepCopy();
      if (!"full".equals(detail)) {
        copy.remove("series");
      }
      if ("summary".equals(detail)) {
        copy.remove("values");
        copy.remove("query");
      }
      samples.add(copy);
    }
    return out;
  }

  /** The run's analyses, each saying whether the summary changed since it was written. */
  private static ArrayNode analyses(Runs.Run run) {
    String current = AuditLog.sha256(run.bytes());
    ArrayNode list = LabYaml.json().createArrayNode();
    for (Analysis analysis : AnalysisJson.read(run.folder())) {
      ObjectNode item = LabYaml.json().valueToTree(analysis);
      String text = analysis.text() == null ? "" : analysis.text();
      item.remove("text");
      item.put("excerpt", text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text);
      item.put("chars", text.length());
      item.put("ofCurrentSummary", current.equals(analysis.summarySha256()));
      list.add(item);
    }
    return list;
  }
}
