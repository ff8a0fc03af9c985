package io.illm.lab.site;

import io.illm.lab.results.MetricResult;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment's runs side by side: each metric's mean per run and target, and each run's verdict.
 */
final class ComparisonPage {

  private ComparisonPage() {}

  /**
   * @param runs the experiment's runs, in run order
   */
  static String html(String experiment, List<SiteRun> runs) {
    StringBuilder body = new StringBuilder();
    body.append("<nav class=\"crumbs\"><a href=\"")
        .append(RunPage.ROOT)
        .append("index.html\">All runs</a></nav>\n");
    body.append("<h1>")
        .append(Html.text(experiment))
        .append(": ")
        .append(runs.size())
        .append(" run(s) compared</h1>\n");
    long simulated = runs.stream().filter(r -> r.summary().simulated()).count();
    if (simulated > 0) {
      body.append("<p class=\"banner simulated\" role=\"note\"><strong>SIMULATED</strong>: ")
          .append(simulated)
          .append(" of ")
          .append(runs.size())
          .append(" run(s) below come from the simulator, not from" + " measurements.</p>\n");
    }
    HtmlTable table =
        new HtmlTable("Runs of " + experiment, "run", "phase", "verdict", "data", "actual cost");
    for (SiteRun run : runs) {
      var s = run.summary();
      table.rawRow(
          List.of(
              "<a href=\"" + Html.text(run.runSlug()) + ".html\">" + Html.text(run.run()) + "</a>",
              Html.text(s.run() == null ? "" : s.run().phase()),
              Html.text(run.verdict()),
              s.simulated() ? "SIMULATED" : "measured",
              Html.text(s.cost() == null ? "–" : Html.usd(s.cost().actualUSD()))));
    }
    body.append("<section id=\"runs\">\n<h2>Runs</h2>\n")
        .append(table.html())
        .append("</section>\n");
    body.append("<section id=\"metrics\">\n<h2>Metrics per run</h2>\n");
    Map<String, List<SiteRunMetric>> metrics = metricsByName(runs);
    if (metrics.isEmpty()) {
      body.append("<p class=\"nodata\">No run of this experiment has metrics.</p>\n");
    }
    List<String> ids = new ArrayList<>();
    metrics.forEach(
        (name, perRun) ->
            body.append(
                chart(SiteNames.unique("metric-" + SiteNames.slug(name), ids), name, perRun, runs)
                    .html()));
    body.append("</section>\n");
    return Page.html(experiment + ": runs compared", RunPage.ROOT, body.toString(), true);
  }

  /** A metric as one run reported it. */
  private record SiteRunMetric(SiteRun run, MetricResult metric) {}

  private static Map<String, List<SiteRunMetric>> metricsByName(List<SiteRun> runs) {
    Map<String, List<SiteRunMetric>> byName = new LinkedHashMap<>();
    for (SiteRun run : runs) {
      for (MetricResult metric : run.summary().metrics()) {
        byName
            .computeIfAbsent(metric.name(), n -> new ArrayList<>())
            .add(new SiteRunMetric(run, metric));
      }
    }
    return byName;
  }

  private static Chart chart(
      String id, String name, List<SiteRunMetric> perRun, List<SiteRun> runs) {
    MetricResult latest = perRun.get(perRun.size() - 1).metric();
    String title = MetricCharts.title(latest) + ": mean per run";
    List<ChartSpecs.TrendPoint> points = new ArrayList<>();
    Set<ChartSpecs.Threshold> thresholds = new LinkedHashSet<>();
    HtmlTable table = new HtmlTable(title, "run", "target", "n", "mean", "confidence interval");
    for (SiteRunMetric m : perRun) {
      for (MetricResult.Sample sample : m.metric().samples()) {
        Stats stats = sample.stats();
        String target = MetricCharts.targetName(sample);
        if (stats == null || stats.n() == 0) {
          table.row(m.run().runSlug(), target, "0", "–", "no data");
          continue;
        }
        points.add(
            new ChartSpecs.TrendPoint(
                m.run().runSlug(), target, stats.mean(), stats.ciLow(), stats.ciHigh()));
        table.row(
            m.run().runSlug(),
            target,
            Integer.toString(stats.n()),
            Html.quantity(stats.mean(), latest.unit()),
            MetricCharts.interval(stats, latest.unit()));
      }
      Verdict verdict = m.run().summary().verdict();
      thresholds.addAll(
          MetricCharts.thresholds(
              name, latest.unit(), verdict == null ? List.of() : verdict.criteria()));
    }
    if (points.isEmpty()) {
      return new Chart(
          id, title, null, table.html(), "No data: no run returned a value for this metric.");
    }
    String unit =
        latest.unit() == null || latest.unit().isBlank() ? "" : " (" + latest.unit() + ")";
    String description =
        "Mean of "
            + name
            + " per run and target, "
            + points.size()
            + " point(s)"
            + (thresholds.isEmpty() ? "" : ", " + thresholds.size() + " threshold(s)")
            + ".";
    List<String> runNames = runs.stream().map(SiteRun::runSlug).toList();
    return new Chart(
        id,
        title,
        ChartSpecs.trend(
            title, description, "mean " + name + unit, runNames, points, List.copyOf(thresholds)),
        table.html(),
        null);
  }
}
