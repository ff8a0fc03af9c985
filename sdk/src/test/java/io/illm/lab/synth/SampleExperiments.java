package io.illm.lab.synth;

import io.illm.lab.model.Category;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentBuilder;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentBuilder;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import java.util.Map;
import java.util.TreeMap;

/** Small fixtures built with the model's builders (the DSL is tested on its own). */
final class SampleExperiments {

  private SampleExperiments() {}

  static Experiment minimal() {
    return new ExperimentBuilder()
        .withNewMetadata()
        .withName("minimal")
        .withNamespace("experiments")
        .endMetadata()
        .withNewSpec()
        .addNewTarget()
        .withName("app")
        .withNewCluster()
        .withProvider(Provider.HUB)
        .endCluster()
        .addNewComponent()
        .withApp("hello-app")
        .endComponent()
        .endTarget()
        .withNewWorkflow()
        .withTemplate("hello-app-validation")
        .withNewCompletion()
        .withMode(CompletionMode.WORKFLOW)
        .endCompletion()
        .endWorkflow()
        .endSpec()
        .build();
  }

  static Experiment twoTargets() {
    return new ExperimentBuilder()
        .withNewMetadata()
        .withName("two-targets")
        .withNamespace("experiments")
        .addToLabels("team", "observability")
        .addToLabels("experiments.illm.io/suite", "sample")
        .endMetadata()
        .withNewSpec()
        .withTitle("Two targets: an app and its load")
        .withDescription("A sample with every kind of field set once.")
        .withTags("comparison", "sample")
        .withNewHypothesis()
        .withClaim("p95 latency stays below 250 ms at 110 rps")
        .addNewSuccessCriterium()
        .withMetric("p95_latency")
        .withOperator(ComparisonOperator.LT)
        .withValue(250.0)
        .endSuccessCriterium()
        .addNewSuccessCriterium()
        .withMetric("error_rate")
        .withOperator(ComparisonOperator.LTE)
        .withValue(0.01)
        .endSuccessCriterium()
        .endHypothesis()
        .addNewTarget()
        .withName("app")
        .withNewCluster()
        .withProvider(Provider.GKE)
        .withZone("us-central1-a")
        .withMachineType("e2-standard-4")
        .withNodeCount(3)
        .withPreemptible(true)
        .endCluster()
        .addNewComponent()
        .withApp("hello-app")
        .withParams(new TreeMap<>(Map.of("replicas", "2", "empty", "", "enabled", "true")))
        .endComponent()
        .endTarget()
        .addNewTarget()
        .withName("loadgen")
        .withNewCluster()
        .withProvider(Provider.GKE)
        .withZone("us-central1-a")
        .withMachineType("e2-standard-2")
        .withNodeCount(1)
        .withPreemptible(false)
        .endCluster()
        .addNewComponent()
        .withApp("locust")
        .endComponent()
        .withDepends("app")
        .endTarget()
        .withNewWorkflow()
        .withTemplate("load-test")
        .withNewCompletion()
        .withMode(CompletionMode.WORKFLOW)
        .endCompletion()
        .withParams(new TreeMap<>(Map.of("rps", "110", "duration", "10m")))
        .endWorkflow()
        .withNewMetrics()
        .addNewQuery()
        .withName("p95_latency")
        .withQuery(
            "histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket{experiment=\"$EXPERIMENT\"}[1m])) by (le)) * 1000")
        .withType(QueryType.RANGE)
        .withUnit("ms")
        .withGroup("latency")
        .endQuery()
        .addNewQuery()
        .withName("error_rate")
        .withQuery(
            "sum(rate(http_requests_total{code=~\"5..\"}[1m])) / sum(rate(http_requests_total[1m]))")
        .withUnit("ratio")
        .endQuery()
        .endMetrics()
        .withNewDeadlines()
        .withProvisioning("30m")
        .withTotal("2h")
        .endDeadlines()
        .withNewBudget()
        .withMaxUSD(5.0)
        .endBudget()
        .endSpec()
        .build();
  }

  static Component helloApp() {
    return new ComponentBuilder()
        .withNewMetadata()
        .withName("hello-app")
        .endMetadata()
        .withNewSpec()
        .withDescription("Hello world HTTP app")
        .withCategory(Category.APPS)
        .addNewSource()
        .withRepoURL("https://github.com/example/lab.git")
        .withTargetRevision("HEAD")
        .withPath("components/apps/hello-app/k8s")
        .endSource()
        .endSpec()
        .build();
  }
}
