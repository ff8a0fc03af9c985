package io.illm.lab.site;

import io.illm.lab.results.Comparison;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of one run: what was claimed, the verdict criterion by criterion, where it ran, what it
 * cost, and every metric as a chart with its numbers.
 */
final class RunPage {

  static final String ROOT = "../../";

  private RunPage() {}

  static String html(SiteRun run) {
    Summary s = run.summary();
    StringBuilder body = new StringBuilder(1 << 16);
    body.append("<nav class=\"crumbs\"><a href=\"")
        .append(ROOT)
        .append("index.html\">All runs</a> &rsaquo; <a href=\"")
        .append("index.html\">")
        .append(Html.text(run.experiment()))
        .append(": all runs compared</a></nav>\n");
    body.append("<h1>")
        .append(Html.text(title(s)))
        .append(" <span class=\"run\">run ")
        .append(Html.text(run.run()))
        .append("</span></h1>\n");
    if (s.simulated()) {
      body.append(Page.simulatedBanner());
    }
    body.append(overview(run));
    body.append(hypothesis(s));
    body.append(verdict(s));
    body.append(AnalysisSection.html(run.analyses()));
    body.append(targets(s));
    body.append(metrics(s));
    body.append(comparisons(s));
    body.append(cost(s.cost()));
    body.append(provenance(run));
    return Page.html(title(s) + " – run " + run.run(), ROOT, body.toString(), true);
  }

  static String title(Summary s) {
    String title = s.experiment().title();
    return title == null || title.isBlank() ? s.experiment().name() : title;
  }

  private static String overview(SiteRun run) {
    Summary s = run.summary();
    Summary.RunInfo r = s.run();
    Summary.Window w = r == null ? null : r.window();
    Summary.WorkflowInfo wf = s.workflow();
    return "<section id=\"overview\">\n<h2>Run</h2>\n"
        + Page.facts(
            "experiment", s.experiment().name(),
            "namespace", s.experiment().namespace(),
            "description", s.experiment().description(),
            "tags", String.join(", ", s.experiment().tags()),
            "phase", r == null ? null : r.phase(),
            "message", r == null ? null : r.message(),
            "created", r == null ? null : r.createdAt(),
            "started", r == null ? null : r.startedAt(),
            "completed", r == null ? null : r.completedAt(),
            "measurement window",
                w == null
                    ? null
                    : w.start()
                        + " to "
                        + w.end()
                        + ", step "
                        + w.stepSeconds()
                        + " s, "
                        + w.repetitions()
                        + " repetition(s)",
            "workflow",
                wf == null
                    ? null
                    : wf.name() + " (template " + wf.template() + ", " + wf.phase() + ")",
            "data", s.simulated() ? "simulated" : "measured")
        + "</section>\n";
  }

  private static String hypothesis(Summary s) {
    Summary.ExperimentInfo e = s.experiment();
    if ((e.hypothesis() == null || e.hypothesis().isBlank()) && e.questions().isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder("<section id=\"hypothesis\">\n<h2>Hypothesis</h2>\n");
    if (e.hypothesis() != null && !e.hypothesis().isBlank()) {
      out.append("<blockquote>").append(Html.text(e.hypothesis())).append("</blockquote>\n");
    }
    if (!e.questions().isEmpty()) {
      out.append("<h3>Questions</h3>\n<ul>\n");
      e.questions().forEach(q -> out.append("<li>").append(Html.text(q)).append("</li>\n"));
      out.append("</ul>\n");
    }
    return out.append("</section>\n").toString();
  }

  private static String verdict(Summary s) {
    StringBuilder out = new StringBuilder("<section id=\"verdict\">\n<h2>Verdict</h2>\n");
    Verdict v = s.verdict();
    if (v == null || v.result() == null) {
      out.append(
          "<p class=\"verdict none\">No verdict: the experiment has no success criteria.</p>\n");
    } else {
      out.append("<p class=\"verdict ")
          .append(v.result().value())
          .append("\">Hypothesis <strong>")
          .append(v.result().value())
          .append("</strong></p>\n");
    }
    if (v != null && !v.criteria().isEmpty()) {
      HtmlTable table =
          new HtmlTable(
              "Success criteria, one row each",
              "metric",
              "target",
              "criterion",
              "value",
              "outcome",
              "reason",
              "description");
      for (Verdict.Criterion c : v.criteria()) {
        String outcome = c.outcome() == null ? "" : c.outcome().name().toLowerCase(Locale.ROOT);
        table.row(
            c.metric(),
            c.target() == null ? "every target" : c.target(),
            Html.operator(c.operator()) + " " + Html.number(c.threshold()),
            Html.number(c.value()),
            outcomeMark(outcome) + outcome,
            c.reason(),
            c.description());
      }
      out.append(table.cssClass("criteria").html());
    }
    if (s.quality() != null) {
      out.append(
          Page.facts(
              "data coverage",
              Html.percent(s.quality().coverage())
                  + " of queries returned data (at least "
                  + Html.percent(s.quality().minCoverage())
                  + " required)",
              "quality gate",
              s.quality().passed() ? "passed" : "not passed",
              "collection attempt",
              s.quality().attempt() + " of " + s.quality().maxAttempts()));
    }
    return out.append("</section>\n").toString();
  }

  /** A symbol beside the outcome word, so that it never rests on colour alone. */
  private static String outcomeMark(String outcome) {
    return switch (outcome) {
      case "pass" -> "✓ ";
      case "fail" -> "✗ ";
      case "missing" -> "? ";
      default -> "";
    };
  }

  private static String targets(Summary s) {
    if (s.targets().isEmpty()) {
      return "";
    }
    HtmlTable table =
        new HtmlTable(
            "Targets and the cluster shapes they ran on",
            "target",
            "provider",
            "cluster",
            "location",
            "machine type",
            "nodes",
            "spot/preemptible",
            "components");
    for (Summary.TargetInfo t : s.targets()) {
      table.row(
          t.name(),
          t.provider(),
          t.clusterName(),
          t.location(),
          t.machineType(),
          t.nodeCount() == null ? "" : t.nodeCount().toString(),
          t.preemptible() == null ? "" : t.preemptible() ? "yes" : "no",
          String.join(", ", t.components()));
    }
    return "<section id=\"targets\">\n<h2>Targets</h2>\n" + table.html() + "</section>\n";
  }

  private static String metrics(Summary s) {
    StringBuilder out =
        new StringBuilder(1 << 16)
            .append("<section id=\"metrics\">\n<h2>Metrics (")
            .append(s.metrics().size())
            .append(")</h2>\n");
    if (s.metrics().isEmpty()) {
      out.append("<p class=\"nodata\">No metrics were collected in this run.</p>\n");
    }
    List<Verdict.Criterion> criteria = s.verdict() == null ? List.of() : s.verdict().criteria();
    List<String> ids = new ArrayList<>();
    for (MetricResult metric : s.metrics()) {
      String id = SiteNames.unique("metric-" + SiteNames.slug(metric.name()), ids);
      out.append(MetricCharts.chart(id, metric, criteria).html());
    }
    return out.append("</section>\n").toString();
  }

  private static String comparisons(Summary s) {
    if (s.comparisons().isEmpty()) {
      return "";
    }
    HtmlTable table =
        new HtmlTable(
            "Target against target (difference of means, a − b)",
            "metric",
            "a",
            "b",
            "difference",
            "confidence interval",
            "conclusion",
            "better");
    for (Comparison c : s.comparisons()) {
      String interval =
          c.ciLow() == null
              ? "–"
              : (c.confidence() == null ? "" : Html.percent(c.confidence()) + ": ")
                  + Html.number(c.ciLow())
                  + " to "
                  + Html.number(c.ciHigh());
      table.row(
          c.metric(),
          c.a(),
          c.b(),
          Html.number(c.difference()),
          interval,
          c.conclusion() == null
              ? ""
              : c.conclusion().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          c.better());
    }
    return "<section id=\"comparisons\">\n<h2>Comparisons</h2>\n" + table.html() + "</section>\n";
  }

  private static String cost(Cost cost) {
    if (cost == null) {
      return "";
    }
    StringBuilder out = new StringBuilder("<section id=\"cost\">\n<h2>Cost</h2>\n");
    out.append(
        Page.facts(
            "actual",
            Html.usd(cost.actualUSD()),
            "estimated before the run",
            Html.usd(cost.estimatedUSD()),
            "per hour, all clusters",
            Html.usd(cost.hourlyUSD()),
            "budget",
            cost.budgetUSD() == null ? null : Html.usd(cost.budgetUSD()),
            "price table",
            cost.priceTable(),
            "note",
            cost.note()));
    if (!cost.perTarget().isEmpty()) {
      HtmlTable table = new HtmlTable("Actual cost per target", "target", "US dollars");
      for (Map.Entry<String, Double> e : cost.perTarget().entrySet()) {
        table.row(e.getKey(), Html.usd(e.getValue()));
      }
      out.append(table.html());
    }
    return out.append("</section>\n").toString();
  }

  private static String provenance(SiteRun run) {
    Summary.Provenance p = run.summary().provenance();
    return "<section id=\"provenance\">\n<h2>Provenance</h2>\n"
        + Page.facts(
            "summary file", run.file().toString(),
            "metrics source", p == null ? null : p.metricsSource(),
            "collected", p == null ? null : p.collectedAt(),
            "collections", p == null ? null : Integer.toString(p.attempts()),
            "lab version", p == null ? null : p.operatorVersion(),
            "spec hash", run.summary().experiment().specHash(),
            "uid", run.summary().experiment().uid())
        + "</section>\n";
  }
}
