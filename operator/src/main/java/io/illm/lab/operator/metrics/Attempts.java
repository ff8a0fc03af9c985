package io.illm.lab.operator.metrics;

import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.operator.lifecycle.Collected;
import io.illm.lab.operator.metrics.Attempt.Raw;
import io.illm.lab.operator.metrics.QueryPlan.PlannedMetric;
import io.illm.lab.operator.metrics.QueryPlan.PlannedSample;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Sample;
import io.illm.lab.results.Quality;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Answers to an attempt's queries, folded into its metrics: every planned sample over the windows
 * given, with what the quality gate needs (coverage, failures, whether the source answered at all).
 */
public final class Attempts {

  private Attempts() {}

  /** The key of one planned sample's answers in a window: {@code <metric>/<target>}. */
  public static String key(PlannedMetric metric, PlannedSample sample) {
    return metric.name() + "/" + (sample.target() == null ? "_experiment" : sample.target());
  }

  /**
   * Folds the answers of the windows given, by window index, into attempt {@code number}; a window
   * not given is left out (a collection that stopped early), a sample without an answer in a given
   * window counts as unanswered.
   */
  public static Attempt fold(
      QueryPlan plan, int number, SortedMap<Integer, Map<String, Answer>> windows) {
    Tally tally = new Tally();
    List<MetricResult> metrics = new ArrayList<>();
    for (PlannedMetric metric : plan.metrics()) {
      List<Sample> samples = new ArrayList<>();
      for (PlannedSample sample : metric.samples()) {
        samples.add(tally.sample(metric, sample, windows, key(metric, sample)));
      }
      metrics.add(
          new MetricResult(
              metric.name(),
              metric.type().value(),
              metric.unit(),
              metric.description(),
              metric.group(),
              metric.perTarget(),
              metric.onEmpty().value(),
              null,
              samples));
    }
    return tally.attempt(number, metrics);
  }

  /**
   * What {@code attempt} of {@code plan} collected, for the results store.
   *
   * @param complete true when every window of the plan is in the attempt
   * @param source where the answers came from ({@code simulated} for a simulated source)
   */
  public static Collected collected(
      QueryPlan plan,
      Attempt attempt,
      Gate gate,
      boolean passed,
      HypothesisResult verdict,
      boolean complete,
      String source) {
    Quality quality =
        new Quality(
            attempt.coverage(), gate.minCoverage(), attempt.number(), gate.maxAttempts(), passed);
    return new Collected(
        attempt.metrics(),
        plan.summaryWindow(),
        source,
        quality,
        verdict,
        complete,
        Instant.now(),
        attempt.dropped(),
        rawFiles(plan, attempt.raw()));
  }

  /** Raw answers by {@code <metric>/<target or _experiment>[-w<window>].json}. */
  static SortedMap<String, String> rawFiles(QueryPlan plan, List<Raw> raw) {
    SortedMap<String, String> files = new TreeMap<>();
    boolean windows = plan.windows().size() > 1;
    for (Raw r : raw) {
      String name =
          r.metric()
              + "/"
              + (r.target() == null ? "_experiment" : r.target())
              + (windows ? "-w" + r.window() : "")
              + ".json";
      files.put(name, r.body());
    }
    return files;
  }

  /** What the samples of one attempt add up to, for the gate. */
  private static final class Tally {
    private final List<String> failures = new ArrayList<>();
    private final List<Raw> raw = new ArrayList<>();
    private int samples;
    private int covered;
    private int sent;
    private int answered;
    private int dropped;
    private String unreachable;

    Sample sample(
        PlannedMetric metric,
        PlannedSample planned,
        SortedMap<Integer, Map<String, Answer>> windows,
        String key) {
      List<Answer> answers = new ArrayList<>();
      if (planned.problem() == null) {
        windows.forEach((w, byKey) -> answers.add(count(metric, planned, w, byKey.get(key))));
      }
      Sample sample = Samples.of(metric, planned, answers);
      samples++;
      if (Samples.covered(sample, metric.onEmpty())) {
        covered++;
      } else if (metric.onEmpty() == EmptyResult.FAIL) {
        failures.add(
            metric.name()
                + (planned.target() == null ? "" : " (target " + planned.target() + ")")
                + ": "
                + (sample.error() != null ? sample.error() : "empty result")
                + ", and onEmpty is fail");
      }
      return sample;
    }

    private Answer count(PlannedMetric metric, PlannedSample planned, int window, Answer answer) {
      Answer a = answer == null ? Answer.unanswered("no answer was kept") : answer;
      sent++;
      dropped += a.dropped();
      if (a.answered()) {
        answered++;
      } else if (unreachable == null) {
        unreachable = a.error();
      }
      if (a.body() != null) {
        raw.add(new Raw(metric.name(), planned.target(), window, a.body()));
      }
      return a;
    }

    Attempt attempt(int number, List<MetricResult> metrics) {
      double coverage = samples == 0 ? 0 : (double) covered / samples;
      return new Attempt(
          number,
          metrics,
          coverage,
          failures,
          sent > 0 && answered == 0 ? unreachable : null,
          dropped,
          raw);
    }
  }
}
