package io.illm.lab.operator.judge;

import io.illm.lab.model.Better;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.Hypothesis;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.results.MetricResult;
import io.illm.lab.results.MetricResult.Outcome;
import io.illm.lab.results.MetricResult.Sample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Fixtures for the judge: collected metrics and small specs. */
final class SampleResults {

  private SampleResults() {}

  static MetricResult perTarget(String name, String better, Sample... samples) {
    return new MetricResult(name, "range", null, null, null, true, null, better, List.of(samples));
  }

  static MetricResult experimentWide(String name, Sample sample) {
    return new MetricResult(name, "instant", null, null, null, false, null, null, List.of(sample));
  }

  static Sample ok(String target, double... values) {
    return new Sample(
        target, "q", Outcome.OK, null, null, Arrays.stream(values).boxed().toList(), null);
  }

  static Sample empty(String target) {
    return new Sample(target, "q", Outcome.EMPTY, null, null, null, null);
  }

  static Sample failed(String target, String error) {
    return new Sample(target, "q", Outcome.ERROR, error, null, null, null);
  }

  static double[] values(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** A spec with gke targets of these names, the given queries and criteria. */
  static ExperimentSpec spec(
      List<String> targets, List<MetricQuery> queries, SuccessCriterion... criteria) {
    ExperimentSpec spec = new ExperimentSpec();
    List<Target> list = new ArrayList<>();
    for (String name : targets) {
      list.add(
          new Target(
              name,
              new ClusterSpec(Provider.GKE, null, null, null, null, null, null, null),
              null,
              null,
              null));
    }
    spec.setTargets(list);
    spec.setWorkflow(new WorkflowSpec("load", new Completion(CompletionMode.WORKFLOW), null));
    spec.setMetrics(queries.isEmpty() ? null : new MetricsSpec(queries, null, null));
    if (criteria.length > 0) {
      spec.setHypothesis(new Hypothesis("claim", null, null, List.of(criteria)));
    }
    return spec;
  }

  static MetricQuery query(String name, boolean perTarget, Better better) {
    return new MetricQuery(name, "up", null, null, null, null, perTarget, null, better);
  }

  static SuccessCriterion criterion(
      String metric, ComparisonOperator operator, double value, String target) {
    return new SuccessCriterion(metric, operator, value, target, null);
  }
}
