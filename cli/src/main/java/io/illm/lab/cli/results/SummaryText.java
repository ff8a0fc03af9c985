package io.illm.lab.cli.results;

import io.illm.lab.cli.TextTable;
import io.illm.lab.results.Comparison;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.Quantities;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A summary as the text {@code ./lab results} prints: the run, each metric per target, each
 * criterion (thresholds and comparisons between targets), the declared comparisons, the cost.
 * Values, intervals and thresholds are in the metric's unit, as people read it ({@link Quantities}:
 * 128 MiB, 1.5 s, 2.3k req/s).
 */
final class SummaryText {

  private static final Map<String, String> OPERATORS =
      Map.of("lt", "<", "lte", "<=", "gt", ">", "gte", ">=", "eq", "=");

  private SummaryText() {}

  static String render(Summary summary, String run, String location) {
    StringBuilder out = new StringBuilder();
    Summary.ExperimentInfo experiment = summary.experiment();
    Summary.RunInfo info = summary.run();
    TextTable head =
        new TextTable(
            "experiment",
            experiment.name()
                + (experiment.namespace() == null
                    ? ""
                    : " (namespace " + experiment.namespace() + ")"));
    head.row("run", run);
    head.row("location", location);
    head.row(
        "phase",
        info == null ? null : info.phase() + (info.message() == null ? "" : ": " + info.message()));
    head.row("simulated", summary.simulated() ? "yes: these numbers are not measurements" : "no");
    head.row(
        "verdict",
        summary.verdict() == null || summary.verdict().result() == null
            ? "none (no criteria)"
            : summary.verdict().result().value());
    if (info != null && info.window() != null) {
      head.row(
          "window",
          info.window().start()
              + " to "
              + info.window().end()
              + ", "
              + info.window().repetitions()
              + (info.window().repetitions() == 1 ? " repetition" : " repetitions"));
    }
    out.append(head.render(""));
    Map<String, String> units = new HashMap<>();
    summary.metrics().forEach(m -> units.put(m.name(), m.unit()));
    out.append(metrics(summary.metrics()));
    out.append(criteria(summary.verdict(), units));
    out.append(comparisons(summary.comparisons(), units));
    out.append(cost(summary.cost()));
    return out.toString();
  }

  private static String metrics(List<MetricResult> metrics) {
    if (metrics.isEmpty()) {
      return "\nmetrics: none\n";
    }
    TextTable table = new TextTable("metric", "target", "mean", "CI", "n", "note");
    for (MetricResult metric : metrics) {
      for (MetricResult.Sample sample : metric.samples()) {
        Stats stats = sample.stats();
        table.row(
            metric.name(),
            sample.target() == null ? "(experiment)" : sample.target(),
            stats == null ? null : Quantities.format(stats.mean(), metric.unit()),
            interval(stats, metric.unit()),
            stats == null ? null : Integer.toString(stats.n()),
            note(sample));
      }
    }
    return "\nmetrics\n" + table.render("  ");
  }

  private static String interval(Stats stats, String unit) {
    if (stats == null || stats.ciLow() == null || stats.ciHigh() == null) {
      return null;
    }
    return level(stats.confidence()) + Quantities.interval(stats.ciLow(), stats.ciHigh(), unit);
  }

  private static String level(Double confidence) {
    return confidence == null ? "" : number(confidence * 100) + "% ";
  }

  private static String note(MetricResult.Sample sample) {
    if (sample.outcome() == Outcome.ERROR) {
      return "query failed: " + sample.error();
    }
    return sample.outcome() == Outcome.EMPTY ? "no data" : "";
  }

  /**
   * One row per criterion: a threshold's check is the operator and the number (in the metric's
   * unit, as the value); a comparative one's value is the difference mean(target) - k x mean(than)
   * and its check the other side, e.g. {@code <= 0.8 x prom-gke}.
   */
  private static String criteria(Verdict verdict, Map<String, String> units) {
    if (verdict == null || verdict.criteria().isEmpty()) {
      return "\ncriteria: none\n";
    }
    TextTable table = new TextTable("metric", "target", "value", "check", "outcome", "reason");
    boolean comparative = false;
    for (Verdict.Criterion c : verdict.criteria()) {
      String unit = units.get(c.metric());
      comparative |= c.isComparative();
      table.row(
          c.metric(),
          c.target() == null ? "(every)" : c.target(),
          c.value() == null ? null : Quantities.format(c.value(), unit),
          check(c, unit),
          c.outcome() == null ? null : c.outcome().name().toLowerCase(Locale.ROOT),
          c.reason());
    }
    return "\ncriteria\n"
        + table.render("  ")
        + (comparative
            ? "  (between targets: the value is mean(target) - k x mean(than), judged on its 95%"
                + " interval; insufficient when the interval contains 0)\n"
            : "");
  }

  private static String check(Verdict.Criterion c, String unit) {
    String operator = OPERATORS.getOrDefault(c.operator(), c.operator());
    if (c.isComparative()) {
      double k = c.factor() == null ? 1 : c.factor();
      return operator + " " + (k == 1 ? "" : Quantities.number(k) + " x ") + c.than();
    }
    return operator + " " + (c.threshold() == null ? "-" : Quantities.format(c.threshold(), unit));
  }

  /** The comparisons the experiment declares: a - b on each metric, with its interval. */
  private static String comparisons(List<Comparison> comparisons, Map<String, String> units) {
    if (comparisons.isEmpty()) {
      return "";
    }
    TextTable table = new TextTable("metric", "a", "b", "a - b", "CI", "conclusion", "better");
    for (Comparison c : comparisons) {
      String unit = units.get(c.metric());
      table.row(
          c.metric(),
          c.a(),
          c.b(),
          c.difference() == null ? null : Quantities.format(c.difference(), unit),
          c.ciLow() == null || c.ciHigh() == null
              ? null
              : level(c.confidence()) + Quantities.interval(c.ciLow(), c.ciHigh(), unit),
          c.conclusion() == null
              ? null
              : c.conclusion().name().toLowerCase(Locale.ROOT).replace('_', ' '),
          c.better());
    }
    return "\ncomparisons\n" + table.render("  ");
  }

  private static String cost(Cost cost) {
    if (cost == null) {
      return "\ncost: unknown\n";
    }
    List<String> parts = new ArrayList<>();
    if (cost.estimatedUSD() != null) {
      parts.add("estimated " + dollars(cost.estimatedUSD()));
    }
    if (cost.actualUSD() != null) {
      parts.add("actual " + dollars(cost.actualUSD()));
    }
    if (cost.budgetUSD() != null) {
      parts.add("budget " + dollars(cost.budgetUSD()));
    }
    cost.perTarget().forEach((target, usd) -> parts.add(target + " " + dollars(usd)));
    String table = cost.priceTable() == null ? "" : " (price table " + cost.priceTable() + ")";
    String note = cost.note() == null ? "" : "; " + cost.note();
    return "\ncost: "
        + (parts.isEmpty() ? "unknown" : String.join(", ", parts))
        + table
        + note
        + "\n";
  }

  private static String dollars(double usd) {
    return "$" + number(usd);
  }

  /**
   * Whole numbers from 1000 up (bytes, series counts), else at most 4 significant digits; an
   * exponent only for the very large and very small; the same text on every machine.
   */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    double magnitude = Math.abs(value);
    if (magnitude != 0 && (magnitude >= 1e15 || magnitude < 1e-4)) {
      return String.format(Locale.ROOT, "%.3e", value);
    }
    if (magnitude >= 1000) {
      return Long.toString(Math.round(value));
    }
    return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }
}
