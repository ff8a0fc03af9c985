package io.illm.lab.site;

import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.MetricResult.Series;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The chart of one metric of a run: lines over time for a range metric that has series of several
 * points, else one bar per target (the mean over repetition windows, with its confidence interval);
 * thresholds come from the success criteria that read the metric.
 */
final class MetricCharts {

  /** Labels tried in order to name a series within a target, as the original site did. */
  private static final List<String> SERIES_LABELS = List.of("pod", "instance", "scope");

  static final String EXPERIMENT_WIDE = "experiment";

  private MetricCharts() {}

  static Chart chart(String id, MetricResult metric, List<Verdict.Criterion> criteria) {
    String title = title(metric);
    String valueTitle =
        metric.unit() == null || metric.unit().isBlank()
            ? metric.name()
            : metric.name() + " (" + metric.unit() + ")";
    List<ChartSpecs.Threshold> thresholds = thresholds(metric.name(), metric.unit(), criteria);
    String statsTable = statsTable(title, metric).html();
    if ("range".equals(metric.type()) && hasLines(metric)) {
      List<ChartSpecs.LinePoint> points = new ArrayList<>();
      int seriesCount = linePoints(metric, points);
      boolean band = metric.samples().stream().anyMatch(sample -> sample.series().size() > 1);
      String description =
          "Line chart of "
              + metric.name()
              + " over time, "
              + seriesCount
              + " series"
              + (band ? " with the spread of each target's series as a band" : "")
              + (thresholds.isEmpty() ? "" : ", " + thresholds.size() + " threshold(s)")
              + ".";
      return new Chart(
          id,
          title,
          ChartSpecs.lines(title, description, valueTitle, points, band, thresholds),
          statsTable + pointsTable(title, points, metric.unit()),
          null);
    }
    List<ChartSpecs.Bar> bars = new ArrayList<>();
    for (Sample sample : metric.samples()) {
      Stats stats = sample.stats();
      if (stats != null && stats.n() > 0) {
        bars.add(
            new ChartSpecs.Bar(targetName(sample), stats.mean(), stats.ciLow(), stats.ciHigh()));
      }
    }
    if (bars.isEmpty()) {
      return new Chart(
          id, title, null, statsTable, "No data: no query of this metric returned a value.");
    }
    String description =
        "Bar chart of the mean of "
            + metric.name()
            + " per target, "
            + bars.size()
            + " bar(s)"
            + (thresholds.isEmpty() ? "" : ", " + thresholds.size() + " threshold(s)")
            + ".";
    return new Chart(
        id,
        title,
        ChartSpecs.bars(title, description, "mean " + valueTitle, "target", bars, thresholds),
        statsTable,
        null);
  }

  static String title(MetricResult metric) {
    return metric.description() == null || metric.description().isBlank()
        ? metric.name()
        : metric.description() + " (" + metric.name() + ")";
  }

  static String targetName(Sample sample) {
    return sample.target() == null ? EXPERIMENT_WIDE : sample.target();
  }

  /**
   * The distinct thresholds of the threshold criteria that read {@code metric}, in criteria order,
   * each labelled like a value ({@code < 512 MiB (vm, prom)}): criteria with the same operator and
   * number share one rule and one label. Comparative criteria have no number to draw.
   */
  static List<ChartSpecs.Threshold> thresholds(
      String metric, String unit, List<Verdict.Criterion> criteria) {
    Map<String, List<String>> targets = new LinkedHashMap<>();
    Map<String, Double> values = new HashMap<>();
    for (Verdict.Criterion criterion : criteria) {
      if (metric.equals(criterion.metric())
          && !criterion.isComparative()
          && criterion.threshold() != null) {
        String rule =
            Html.operator(criterion.operator()) + " " + Html.quantity(criterion.threshold(), unit);
        values.put(rule, criterion.threshold());
        List<String> names = targets.computeIfAbsent(rule, k -> new ArrayList<>());
        String target = criterion.target() == null ? "every target" : criterion.target();
        if (!names.contains(target)) {
          names.add(target);
        }
      }
    }
    List<ChartSpecs.Threshold> thresholds = new ArrayList<>();
    targets.forEach(
        (rule, names) ->
            thresholds.add(
                new ChartSpecs.Threshold(
                    values.get(rule), rule + " (" + String.join(", ", names) + ")")));
    return List.copyOf(thresholds);
  }

  private static boolean hasLines(MetricResult metric) {
    return metric.samples().stream()
        .flatMap(s -> s.series().stream())
        .anyMatch(s -> s.points().size() > 1);
  }

  /**
   * Adds every point, naming series "target" or "target label=value"; returns the number of series.
   */
  private static int linePoints(MetricResult metric, List<ChartSpecs.LinePoint> points) {
    Set<String> names = new LinkedHashSet<>();
    for (Sample sample : metric.samples()) {
      for (int i = 0; i < sample.series().size(); i++) {
        Series series = sample.series().get(i);
        String name =
            targetName(sample) + (sample.series().size() > 1 ? " " + seriesLabel(series, i) : "");
        while (!names.add(name)) {
          name = name + " #" + (i + 1);
        }
        for (MetricResult.Point point : series.points()) {
          points.add(new ChartSpecs.LinePoint(targetName(sample), name, point.t(), point.v()));
        }
      }
    }
    return names.size();
  }

  private static String seriesLabel(Series series, int index) {
    for (String label : SERIES_LABELS) {
      if (series.labels().containsKey(label)) {
        return label + "=" + series.labels().get(label);
      }
    }
    return series.labels().entrySet().stream()
        .findFirst()
        .map(e -> e.getKey() + "=" + e.getValue())
        .orElse("#" + (index + 1));
  }

  private static HtmlTable statsTable(String title, MetricResult metric) {
    HtmlTable table =
        new HtmlTable(
            title + ": mean over repetition windows, per target",
            "target",
            "outcome",
            "n",
            "mean",
            "median",
            "min",
            "max",
            "confidence interval");
    for (Sample sample : metric.samples()) {
      String outcome =
          sample.outcome() == null ? "" : sample.outcome().name().toLowerCase(Locale.ROOT);
      if (sample.error() != null) {
        outcome = outcome + ": " + sample.error();
      }
      Stats s = sample.stats();
      if (s == null) {
        table.row(targetName(sample), outcome, "0", "–", "–", "–", "–", "–");
      } else {
        table.row(
            targetName(sample),
            outcome,
            Integer.toString(s.n()),
            Html.quantity(s.mean(), metric.unit()),
            Html.quantity(s.median(), metric.unit()),
            Html.quantity(s.min(), metric.unit()),
            Html.quantity(s.max(), metric.unit()),
            interval(s, metric.unit()));
      }
    }
    if (table.isEmpty()) {
      table.row("(none)", "no samples", "0", "–", "–", "–", "–", "–");
    }
    return table;
  }

  static String interval(Stats stats, String unit) {
    if (stats.ciLow() == null || stats.ciHigh() == null) {
      return "– (too few values)";
    }
    String level = stats.confidence() == null ? "" : Html.percent(stats.confidence()) + ": ";
    return level
        + Html.quantity(stats.ciLow(), unit)
        + " to "
        + Html.quantity(stats.ciHigh(), unit);
  }

  private static String pointsTable(String title, List<ChartSpecs.LinePoint> points, String unit) {
    HtmlTable table = new HtmlTable(title + ": every point", "series", "time (UTC)", "value");
    // the series of a metric share their timestamps
    Map<Double, String> times = new HashMap<>();
    for (ChartSpecs.LinePoint point : points) {
      String time =
          times.computeIfAbsent(
              point.t(), t -> Instant.ofEpochMilli(Math.round(t * 1000)).toString());
      table.row(point.series(), time, Html.quantity(point.v(), unit));
    }
    return "<details><summary>All "
        + points.size()
        + " points as a table</summary>\n"
        + table.html()
        + "</details>\n";
  }
}
