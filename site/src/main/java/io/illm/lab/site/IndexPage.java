package io.illm.lab.site;

import io.illm.lab.results.Cost;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The site's front page: every run in one table, with filters by tag, verdict and
 * simulated/measured.
 */
final class IndexPage {

  static final List<String> VERDICTS = List.of("validated", "invalidated", "insufficient", "none");

  private IndexPage() {}

  static String html(List<SiteRun> runs) {
    TreeSet<String> tags = new TreeSet<>();
    runs.forEach(r -> tags.addAll(r.summary().experiment().tags()));
    StringBuilder body = new StringBuilder("<h1>Experiment results</h1>\n");
    body.append("<p>")
        .append(runs.size())
        .append(" run(s) of ")
        .append(runs.stream().map(SiteRun::experimentSlug).distinct().count())
        .append(
            " experiment(s). Each experiment's name leads to its runs compared; each run to its page.</p>\n");
    body.append("<form class=\"filters\" aria-controls=\"runs\">\n");
    body.append(select("tags", "Tag", new ArrayList<>(tags)));
    body.append(select("verdict", "Verdict", VERDICTS));
    body.append(select("data", "Data", List.of("simulated", "measured")));
    body.append("<output id=\"shown\" aria-live=\"polite\">")
        .append(runs.size())
        .append(" of ")
        .append(runs.size())
        .append(" runs shown</output>\n</form>\n");
    body.append(
        "<table id=\"runs\">\n<caption>All runs, by experiment and run</caption>\n<thead><tr>");
    for (String header :
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
            "completed")) {
      body.append("<th scope=\"col\">").append(header).append("</th>");
    }
    body.append("</tr></thead>\n<tbody>\n");
    runs.forEach(run -> body.append(row(run)));
    body.append("</tbody>\n</table>\n");
    if (runs.isEmpty()) {
      body.append(
          "<p class=\"nodata\">No runs yet: ./lab run writes summaries under .lab/results.</p>\n");
    }
    return Page.html("Experiment results", "", body.toString(), false);
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
