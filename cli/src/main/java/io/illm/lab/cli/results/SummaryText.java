package io.illm.lab.cli.results;

import io.illm.lab.cli.TextTable;
import io.illm.lab.results.Cost;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.Stats;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A summary as the text {@code ./lab results} prints: the run, each metric per target, each
 * criterion, the cost.
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
    out.append(metrics(summary.metrics()));
    out.append(criteria(summary.verdict()));
    out.append(cost(summary.cost()));
    return out.toString();
  }

  private static String metrics(List<MetricResult> metrics) {
    if (metrics.isEmpty()) {
      return "\nmetrics: none\n";
    }
    TextTable table = new TextTable("metric", "target", "mean", "CI", "n", "unit", "note");
    for (MetricResult metric : metrics) {
      for (MetricResult.Sample sample : metric.samples()) {
        Stats stats = sample.stats();
        table.row(
            metric.name(),
            sample.target() == null ? "(experiment)" : sample.target(),
            stats == null ? null : number(stats.mean()),
            interval(stats),
            stats == null ? null : Integer.toString(stats.n()),
            metric.unit(),
            note(sample));
      }
    }
    return "\nmetrics\n" + table.render("  ");
  }

  private static String interval(Stats stats) {
    if (stats == null || stats.ciLow() == null || stats.ciHigh() == null) {
      return null;
    }
    String level = stats.confidence() == null ? "" : number(stats.confidence() * 100) + "% ";
    return level + "[" + number(stats.ciLow()) + ", " + number(stats.ciHigh()) + "]";
  }

  private static String note(MetricResult.Sample sample) {
    if (sample.outcome() == Outcome.ERROR) {
      return "query failed: " + sample.error();
    }
    return sample.outcome() == Outcome.EMPTY ? "no data" : "";
  }

  private static String criteria(Verdict verdict) {
    if (verdict == null || verdict.criteria().isEmpty()) {
      return "\ncriteria: none\n";
    }
    TextTable table = new TextTable("metric", "target", "value", "check", "outcome", "reason");
    for (Verdict.Criterion c : verdict.criteria()) {
      table.row(
          c.metric(),
          c.target() == null ? "(every)" : c.target(),
          c.value() == null ? null : number(c.value()),
          OPERATORS.getOrDefault(c.operator(), c.operator()) + " " + number(c.threshold()),
          c.outcome() == null ? null : c.outcome().name().toLowerCase(Locale.ROOT),
          c.reason());
    }
    return "\ncriteria\n" + table.render("  ");
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
