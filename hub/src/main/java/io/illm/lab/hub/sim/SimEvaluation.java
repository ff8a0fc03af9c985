package io.illm.lab.hub.sim;

import io.illm.lab.hub.sim.SimQuery.Aggregate;
import io.illm.lab.hub.sim.SimQuery.Arithmetic;
import io.illm.lab.hub.sim.SimQuery.Call;
import io.illm.lab.hub.sim.SimQuery.Constant;
import io.illm.lab.hub.sim.SimQuery.Expr;
import io.illm.lab.hub.sim.SimQuery.Range;
import io.illm.lab.hub.sim.SimQuery.Selector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A parsed query evaluated at an instant over the series of {@link SimLevels}, as Prometheus would:
 * rates are the increase of a counter over the range divided by its length (a gauge's fall counts
 * as none); {@code *_over_time} of a range or subquery looks at every second of the range (the
 * series change once per second), so a peak is at least every point of its range and a minimum at
 * most every one; aggregations group by the labels kept.
 */
final class SimEvaluation {

  /** One output series at one instant. */
  record Point(Map<String, String> labels, double value) {}

  private final SimLevels levels;
  private final List<String> groupedBy;

  /** The series of each selector: they do not change over time, so they are selected once. */
  private final Map<Selector, List<SimLevels.Series>> selected = new java.util.IdentityHashMap<>();

  SimEvaluation(SimLevels levels, Expr query) {
    this.levels = levels;
    this.groupedBy = groupedBy(query);
  }

  /** The query's value at {@code t}, one point per output series. */
  List<Point> at(Expr expr, double t) {
    if (expr instanceof Selector s) {
      return series(s).stream()
          .map(series -> new Point(series.labels(), series.value().applyAsDouble(t)))
          .toList();
    }
    if (expr instanceof Constant c) {
      return List.of(new Point(Map.of(), c.value()));
    }
    if (expr instanceof Arithmetic a) {
      return at(a.inner(), t).stream()
          .map(p -> new Point(p.labels(), apply(a, p.value())))
          .toList();
    }
    if (expr instanceof Aggregate a) {
      return aggregate(a, at(a.inner(), t));
    }
    if (expr instanceof Call c) {
      return call(c, t);
    }
    throw new IllegalArgumentException("a range outside a function");
  }

  private List<SimLevels.Series> series(Selector selector) {
    return selected.computeIfAbsent(selector, s -> levels.select(s, groupedBy));
  }

  private List<Point> call(Call call, double t) {
    Range range = call.argument();
    return switch (call.function()) {
      case "rate", "increase", "irate" -> rate(call.function(), range, t);
      default -> overTime(call.function(), range, t);
    };
  }

  private List<Point> rate(String function, Range range, double t) {
    double seconds = function.equals("irate") ? Math.min(range.seconds(), 15) : range.seconds();
    List<Point> points = new ArrayList<>();
    for (SimLevels.Series series : series((Selector) range.inner())) {
      double increase = series.value().applyAsDouble(t) - series.value().applyAsDouble(t - seconds);
      double rise = Math.max(0, increase);
      points.add(new Point(series.labels(), function.equals("increase") ? rise : rise / seconds));
    }
    return points;
  }

  /** Every second from the range's start (rounded down) to {@code t}. */
  private List<Point> overTime(String function, Range range, double t) {
    Map<Map<String, String>, double[]> folded = new LinkedHashMap<>();
    long last = (long) Math.floor(t);
    for (long second = (long) Math.floor(t - range.seconds()); second <= last; second++) {
      for (Point p : at(range.inner(), second)) {
        double[] acc =
            folded.computeIfAbsent(p.labels(), k -> new double[] {p.value(), p.value(), 0, 0, 0});
        acc[0] = Math.max(acc[0], p.value());
        acc[1] = Math.min(acc[1], p.value());
        acc[2] += p.value();
        acc[3]++;
        acc[4] = p.value();
      }
    }
    List<Point> points = new ArrayList<>();
    folded.forEach(
        (labels, acc) ->
            points.add(
                new Point(
                    labels,
                    switch (function) {
                      case "max_over_time" -> acc[0];
                      case "min_over_time" -> acc[1];
                      case "avg_over_time" -> acc[2] / acc[3];
                      default -> acc[4];
                    })));
    return points;
  }

  private static List<Point> aggregate(Aggregate aggregate, List<Point> points) {
    Map<Map<String, String>, List<Double>> groups = new LinkedHashMap<>();
    for (Point p : points) {
      Map<String, String> key = new TreeMap<>();
      p.labels()
          .forEach(
              (name, value) -> {
                if (aggregate.labels().contains(name) != aggregate.without()) {
                  key.put(name, value);
                }
              });
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p.value());
    }
    List<Point> result = new ArrayList<>();
    groups.forEach((key, values) -> result.add(new Point(key, combine(aggregate.op(), values))));
    return result;
  }

  private static double combine(String op, List<Double> values) {
    var stats = values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
    return switch (op) {
      case "sum" -> stats.getSum();
      case "avg" -> stats.getAverage();
      case "max" -> stats.getMax();
      case "min" -> stats.getMin();
      default -> stats.getCount();
    };
  }

  private static double apply(Arithmetic a, double value) {
    double x = a.numberFirst() ? a.number() : value;
    double y = a.numberFirst() ? value : a.number();
    return switch (a.op()) {
      case '*' -> x * y;
      case '/' -> x / y;
      case '+' -> x + y;
      default -> x - y;
    };
  }

  /** Every label a {@code by} of the query names (for series the simulation does not model). */
  private static List<String> groupedBy(Expr expr) {
    List<String> labels = new ArrayList<>();
    collect(expr, labels);
    return labels;
  }

  private static void collect(Expr expr, List<String> labels) {
    if (expr instanceof Aggregate a) {
      if (!a.without()) {
        a.labels().stream().filter(l -> !labels.contains(l)).forEach(labels::add);
      } else if (!labels.contains("instance")) {
        labels.add("instance");
      }
      collect(a.inner(), labels);
    } else if (expr instanceof Arithmetic a) {
      collect(a.inner(), labels);
    } else if (expr instanceof Call c) {
      collect(c.argument(), labels);
    } else if (expr instanceof Range r) {
      collect(r.inner(), labels);
    }
  }
}
