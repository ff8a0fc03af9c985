package io.illm.lab.operator.metrics;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QualityGate;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.Target;
import java.util.ArrayList;
import java.util.List;

/** Fixtures: experiments with two targets (load on the hub, app on GKE) and the given queries. */
public final class MetricSpecs {

  private MetricSpecs() {}

  public static ExperimentSpec spec(MetricQuery... queries) {
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTargets(
        new ArrayList<>(List.of(target("load", Provider.HUB), target("app", Provider.GKE))));
    spec.setMetrics(
        new MetricsSpec(queries.length == 0 ? null : new ArrayList<>(List.of(queries)), null));
    return spec;
  }

  public static ExperimentSpec gate(
      ExperimentSpec spec, Boolean enabled, Integer max, Double min, String delay) {
    spec.setQualityGate(new QualityGate(enabled, max, min, delay));
    return spec;
  }

  public static MetricQuery instant(String name, String query) {
    return new MetricQuery(name, query, QueryType.INSTANT, null, null, null, null, null);
  }

  public static MetricQuery range(String name, String query) {
    return new MetricQuery(name, query, QueryType.RANGE, null, null, null, null, null);
  }

  public static MetricQuery perTarget(MetricQuery query) {
    query.setPerTarget(true);
    return query;
  }

  public static MetricQuery onEmpty(MetricQuery query, EmptyResult rule) {
    query.setOnEmpty(rule);
    return query;
  }

  private static Target target(String name, Provider provider) {
    ClusterSpec cluster = new ClusterSpec();
    cluster.setProvider(provider);
    return new Target(name, cluster, new ArrayList<>(), null, new ArrayList<>());
  }
}
