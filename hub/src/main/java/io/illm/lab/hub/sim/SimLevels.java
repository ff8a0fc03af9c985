package io.illm.lab.hub.sim;

import io.illm.lab.hub.sim.SimQuery.Matcher;
import io.illm.lab.hub.sim.SimQuery.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleUnaryOperator;

/**
 * The series the simulated Prometheus holds: for an experiment it has a {@link SimProfile} of (the
 * selector says {@code experiment="x"} or {@code namespace="x"}), one series per pod of the profile
 * that the selector's matchers select, at the pod's declared levels; for anything else, a plain
 * level from the metric's name (bytes or memory: hundreds of MB, cpu: a fraction of a core,
 * latency, duration or seconds: tens of ms, anything else: tens), one series, or three when the
 * query groups by labels. Equality matchers on labels the simulation does not model ({@code job},
 * {@code instance}...) are taken as given: the series carry them.
 */
final class SimLevels {

  /** A series: its labels and its value over time. */
  record Series(Map<String, String> labels, boolean counter, DoubleUnaryOperator value) {}

  /** The labels profile series carry; matchers on others are taken as given. */
  private static final Set<String> MODELLED =
      Set.of("experiment", "namespace", "cluster", "target", "pod", "container");

  /** Where every simulated counter starts: 2020-01-01T00:00:00Z. */
  static final double ORIGIN = 1_577_836_800;

  private final long seed;
  private final Map<String, SimProfile> profiles = new ConcurrentHashMap<>();

  SimLevels(long seed) {
    this.seed = seed;
  }

  /** From now on, selectors of {@code profile.experiment()} read its pods. */
  void register(SimProfile profile) {
    profiles.put(profile.experiment(), profile);
  }

  /** The series {@code selector} selects; {@code groupedBy}: the labels the query groups by. */
  List<Series> select(Selector selector, List<String> groupedBy) {
    String metric = metricName(selector);
    SimProfile profile = profileOf(selector);
    if (profile == null) {
      return generic(selector, metric, groupedBy);
    }
    List<Series> series = new ArrayList<>();
    for (SimProfile.Pod pod : profile.pods()) {
      if (selects(selector, pod.labels())) {
        series.add(podSeries(pod, metric, selector));
      }
    }
    return series;
  }

  private SimProfile profileOf(Selector selector) {
    for (Matcher m : selector.matchers()) {
      if (m.op().equals("=") && (m.name().equals("experiment") || m.name().equals("namespace"))) {
        SimProfile registered = profiles.get(m.value());
        if (registered != null) {
          return registered;
        }
      }
    }
    return null;
  }

  private static boolean selects(Selector selector, Map<String, String> labels) {
    return selector.matchers().stream()
        .filter(m -> MODELLED.contains(m.name()))
        .allMatch(m -> m.matches(labels.get(m.name())));
  }

  private Series podSeries(SimProfile.Pod pod, String metric, Selector selector) {
    Map<String, String> labels = new TreeMap<>(pod.labels());
    adopt(selector, labels);
    long key = SimSignal.key(seed, pod.labels() + metric);
    return switch (metric) {
      case "container_memory_working_set_bytes" ->
          new Series(labels, false, SimSignal.gauge(key, pod.memory()));
      case "container_memory_usage_bytes" ->
          new Series(
              labels,
              false,
              SimSignal.gauge(key, Math.min(pod.memory() * 1.1, 0.95 * pod.memoryLimit())));
      case "container_memory_rss" ->
          new Series(labels, false, SimSignal.gauge(key, pod.memory() * 0.85));
      case "container_cpu_usage_seconds_total" ->
          new Series(labels, true, SimSignal.counter(key, pod.cores(), ORIGIN));
      default -> plain(labels, metric, key);
    };
  }

  private List<Series> generic(Selector selector, String metric, List<String> groupedBy) {
    List<Series> series = new ArrayList<>();
    int count = groupedBy.isEmpty() ? 1 : 3;
    for (int i = 0; i < count; i++) {
      Map<String, String> labels = new TreeMap<>();
      for (Matcher m : selector.matchers()) {
        if (m.op().equals("=") && !m.name().equals("__name__")) {
          labels.put(m.name(), m.value());
        }
      }
      for (String label : groupedBy) {
        labels.putIfAbsent(label, label + "-" + i);
      }
      long key = SimSignal.key(seed, metric + labels);
      series.add(plain(labels, metric, key));
    }
    return series;
  }

  /** A series whose level comes from its metric's name only: counters for {@code _total}... */
  private static Series plain(Map<String, String> labels, String metric, long key) {
    double level = magnitude(metric) * (0.5 + SimSignal.unit(key));
    boolean counter =
        metric.endsWith("_total")
            || metric.endsWith("_count")
            || metric.endsWith("_sum")
            || metric.endsWith("_bucket");
    return counter
        ? new Series(labels, true, SimSignal.counter(key, level, ORIGIN))
        : new Series(labels, false, SimSignal.gauge(key, level));
  }

  /** Equality matchers on labels not modelled here: the series carry them as given. */
  private static void adopt(Selector selector, Map<String, String> labels) {
    for (Matcher m : selector.matchers()) {
      if (m.op().equals("=") && !MODELLED.contains(m.name()) && !m.name().equals("__name__")) {
        labels.put(m.name(), m.value());
      }
    }
  }

  private static String metricName(Selector selector) {
    if (!selector.metric().isEmpty()) {
      return selector.metric();
    }
    return selector.matchers().stream()
        .filter(m -> m.name().equals("__name__") && m.op().equals("="))
        .map(Matcher::value)
        .findFirst()
        .orElse("");
  }

  /** The plain level's scale, from the metric's name. */
  static double magnitude(String metric) {
    String name = metric.toLowerCase(Locale.ROOT);
    if (name.contains("bytes") || name.contains("memory")) {
      return 2e8;
    }
    if (name.contains("cpu")) {
      return 0.3;
    }
    if (name.contains("latency") || name.contains("duration") || name.contains("seconds")) {
      return 0.05;
    }
    return 40;
  }
}
