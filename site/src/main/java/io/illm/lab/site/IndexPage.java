package io.illm.lab.site;

import io.illm.lab.results.Cost;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The site's front page: every run, grouped under a heading per category of experiment (tutorial,
 * comparison, demo, other; from its tags), with filters by tag, verdict and simulated/measured.
 */
final class IndexPage {

  static final List<String> VERDICTS = List.of("validated", "invalidated", "insufficient", "none");

  private IndexPage() {}

  /**
   * The categories runs are grouped under, in page order: a run's category is the first of these
   * its experiment's tags contain, else {@value #OTHER}.
   */
  static final List<String> CATEGORIES = List.of("tutorial", "comparison", "demo");

  static final String OTHER = "other";

  private static final Map<String, String> HEADINGS =
      Map.of("tutorial", "Tutorials", "comparison", "Comparisons", "demo", "Demos", OTHER, "Other");

  private static final List<String> COLUMNS =
      List.of(
          "experiment",
          "run",
          "title",
          "phase",
          "verdict",
          "data",
          "tags",
          "targets",
          "actual cost",
          "completed");

  static String html(List<SiteRun> runs) {
    TreeSet<String> tags = new TreeSet<>();
    runs.forEach(r -> tags.addAll(r.summary().experiment().tags()));
    StringBuilder body = new StringBuilder("<h1>Experiment results</h1>\n");
    body.append("<p>")
        .append(runs.size())
        .append(" run(s) of ")
        .append(runs.stream().map(SiteRun::experimentSlug).distinct().count())
        .append(
            " experiment(s), grouped by category (the first of its tags among tutorial,"
                + " comparison, demo; else other). Each experiment's name leads to its runs"
                + " compared; each run to its page.</p>\n");
    body.append("<form class=\"filters\" aria-controls=\"runs\">\n");
    body.append(select("tags", "Tag", new ArrayList<>(tags)));
    body.append(select("verdict", "Verdict", VERDICTS));
    body.append(select("data", "Data", List.of("simulated", "measured")));
    body.append("<output id=\"shown\" aria-live=\"polite\">")
        .append(runs.size())
        .append(" of ")
        .append(runs.size())
        .append(" runs shown</output>\n</form>\n");
    body.append("<div id=\"runs\">\n");
    byCategory(runs).forEach((category, group) -> body.append(section(category, group)));
    body.append("</div>\n");
    if (runs.isEmpty()) {
      body.append(
          "<p class=\"nodata\">No runs yet: ./lab run writes summaries under .lab/results.</p>\n");
    }
    return Page.html("Experiment results", "", body.toString(), false);
  }

  /** The category of a run's experiment, from its tags: see {@link #CATEGORIES}. */
  static String category(List<String> tags) {
    return CATEGORIES.stream().filter(tags::contains).findFirst().orElse(OTHER);
  }

  /** The runs of each category that has any, categories in page order, runs in their order. */
  static Map<String, List<SiteRun>> byCategory(List<SiteRun> runs) {
    Map<String, List<SiteRun>> groups = new LinkedHashMap<>();
    Stream.concat(CATEGORIES.stream(), Stream.of(OTHER))
        .forEach(category -> groups.put(category, new ArrayList<>()));
    runs.forEach(r -> groups.get(category(r.summary().experiment().tags())).add(r));
    groups.values().removeIf(List::isEmpty);
    return groups;
  }

  /** One category: its heading, then its runs' table. */
  private static String section(String category, List<SiteRun> runs) {
    String heading = HEADINGS.get(category);
    StringBuilder out =
        new StringBuilder("<section class=\"category\" aria-labelledby=\"category-")
            .append(category)
            .append("\">\n<h2 id=\"category-")
            .append(category)
            .append("\">")
            .append(heading)
            .append("</h2>\n<table class=\"runs\">\n<caption>")
            .append(heading)
            .append(": ")
            .append(runs.size())
            .append(" run(s), by experiment and run</caption>\n<thead><tr>");
    COLUMNS.forEach(h -> out.append("<th scope=\"col\">").append(h).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    runs.forEach(run -> out.append(row(run)));
    return out.append("</tbody>\n</table>\n</section>\n").toString();
  }

  private static String select(String filter, String label, List<String> values) {
    StringBuilder out =
        new StringBuilder("<label>")
            .append(label)
            .append(" <select data-filter=\"")
            .append(filter)
            .append("\">\n<option value=\"\">all</option>\n");
    values.forEach(
        v ->
            out.append("<option value=\"")
                .append(Html.text(v))
                .append("\">")
                .append(Html.text(v))
                .append("</option>\n"));
    return out.append("</select></label>\n").toString();
  }

  private static String row(SiteRun run) {
    var s = run.summary();
    String data = s.simulated() ? "simulated" : "measured";
    Cost cost = s.cost();
    StringBuilder out =
        new StringBuilder("<tr data-tags=\"")
            .append(Html.text(jsonArray(s.experiment().tags())))
            .append("\" data-verdict=\"")
            .append(Html.text(jsonArray(List.of(run.verdict()))))
            .append("\" data-data=\"")
            .append(Html.text(jsonArray(List.of(data))))
            .append("\">");
    out.append("<th scope=\"row\"><a href=\"")
        .append(Html.text(run.comparisonPage()))
        .append("\">")
        .append(Html.text(run.experiment()))
        .append("</a></th>");
    out.append("<td><a href=\"")
        .append(Html.text(run.page()))
        .append("\">")
        .append(Html.text(run.run()))
        .append("</a></td>");
    cell(out, s.experiment().title());
    cell(out, s.run() == null ? null : s.run().phase());
    cell(out, run.verdict());
    cell(out, s.simulated() ? "SIMULATED" : "measured");
    cell(out, String.join(", ", s.experiment().tags()));
    cell(out, Integer.toString(s.targets().size()));
    cell(out, cost == null ? "–" : Html.usd(cost.actualUSD()));
    cell(out, s.run() == null ? null : s.run().completedAt());
    return out.append("</tr>\n").toString();
  }

  private static void cell(StringBuilder out, String text) {
    out.append("<td>").append(Html.text(text)).append("</td>");
  }

  /** A JSON array of strings, for the filters' data attributes (escaped again as an attribute). */
  static String jsonArray(List<String> values) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < values.size(); i++) {
      out.append(i == 0 ? "" : ",").append('"');
      for (char c : values.get(i).toCharArray()) {
        if (c == '"' || c == '\\') {
          out.append('\\').append(c);
        } else if (c < 0x20) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
      out.append('"');
    }
    return out.append(']').toString();
  }
}
