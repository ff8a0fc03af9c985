package io.illm.lab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.api.LabOutcome;
import io.illm.lab.cli.api.LabRunner;
import io.illm.lab.cli.api.RunOptions;
import io.illm.lab.dsl.TraceLoad;
import io.illm.lab.examples.workflows.ComparisonWorkflows;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.results.Summary;
import io.illm.lab.results.Verdict;
import io.illm.lab.yaml.LabYaml;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gateway-comparison, logging-comparison, tracing-comparison and ui-showcase: their targets, the
 * loads their templates apply, and criteria that resolve to their metrics and targets.
 */
class ComparisonScenariosTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static final List<Experiment> SCENARIOS =
      List.of(
          GatewayComparison.build(),
          LoggingComparison.build(),
          TracingComparison.build(),
          UiShowcase.build());

  @Test
  void theGatewaysRunOnTheAppAndTheLoadGeneratorDependsOnItWithNothingDeployed() {
    List<Target> targets = GatewayComparison.build().getSpec().getTargets();
    assertEquals(List.of("app", "loadgen"), targets.stream().map(Target::getName).toList());
    Target app = targets.get(0);
    Target loadgen = targets.get(1);
    assertEquals("e2-standard-4", app.getCluster().getMachineType());
    assertEquals("e2-standard-2", loadgen.getCluster().getMachineType());
    assertTrue(app.getCluster().getPreemptible() && loadgen.getCluster().getPreemptible());
    assertEquals(List.of("app"), loadgen.getDepends());
    assertEquals(null, loadgen.getComponents(), "k6 comes from the template");
    assertEquals(
        List.of("nginx-ingress", "traefik", "envoy-gateway", "kong", "nginx"),
        app.getComponents().stream().map(ComponentRef::getApp).toList());
    assertEquals("2", app.getComponents().get(4).getParams().get("replicaCount"));
  }

  @Test
  void everyGatewayIsRoutedAndLoadedFromTheLoadGeneratorAtOnce() {
    var main =
        ComparisonWorkflows.gatewayComparison().build().getSpec().getTemplates().get(0).getSteps();
    List<String> loads = main.get(3).stream().map(s -> s.getName()).toList();
    assertEquals(
        ComparisonWorkflows.GATEWAYS.stream().map(g -> "load-" + g.name()).toList(),
        loads,
        "one parallel group: each window holds every gateway under the same load");
    String template = LabYaml.write(ComparisonWorkflows.gatewayComparison().build());
    for (ComparisonWorkflows.Gateway gateway : ComparisonWorkflows.GATEWAYS) {
      assertTrue(template.contains("value: " + gateway.address()), gateway.toString());
    }
    assertTrue(template.matches("(?s).*name: LOAD_TARGET\\s+value: loadgen.*"), template);
    assertTrue(template.contains("value: \"100\""), "each gateway's rate: " + template);
    // the routes step gives each gateway the route its metrics are read by
    for (String route :
        List.of(
            "ingressClassName: nginx",
            "ingressClassName: traefik",
            "ingressClassName: kong",
            "gatewayClassName: lab-envoy",
            "name: lab-nginx",
            "plugin: prometheus")) {
      assertTrue(template.contains(route), route);
    }
    assertTrue(template.contains("value: gateway/lab-envoy=Programmed"), template);
  }

  @Test
  void theGatewayRatiosAreMadeOfTheSameQueriesAsTheLatencyAndMemoryMetrics() {
    Map<String, MetricQuery> metrics = metrics(GatewayComparison.build());
    String p99 = metrics.get("envoy_to_nginx_p99_ratio").getQuery();
    assertEquals(
        "("
            + metrics.get("envoy_p99_latency").getQuery()
            + ") / ("
            + metrics.get("nginx_p99_latency").getQuery()
            + ")",
        p99);
    String memory = metrics.get("envoy_to_nginx_memory_ratio").getQuery();
    assertEquals(
        metrics.get("envoy_memory_peak").getQuery()
            + " / "
            + metrics.get("nginx_memory_peak").getQuery(),
        memory);
    // Envoy's and Kong's histograms are in milliseconds, the others' in seconds
    assertTrue(metrics.get("envoy_p99_latency").getQuery().endsWith(" / 1000"));
    assertTrue(metrics.get("kong_p99_latency").getQuery().endsWith(" / 1000"));
    assertFalse(metrics.get("nginx_p99_latency").getQuery().contains(" / 1000"));
    // the proxies are every envoy-* pod but the controller's
    assertTrue(
        metrics
            .get("envoy_dataplane_memory")
            .getQuery()
            .contains("pod=~\"envoy-.+\",pod!~\"envoy-gateway-[^-]+-[^-]+\""));
  }

  @Test
  void everyCriterionNamesAMetricOfItsExperimentAndComparativeOnesTwoOfItsTargets() {
    for (Experiment experiment : SCENARIOS) {
      String name = experiment.getMetadata().getName();
      Map<String, MetricQuery> metrics = metrics(experiment);
      List<String> targets =
          experiment.getSpec().getTargets().stream().map(Target::getName).toList();
      List<SuccessCriterion> criteria = experiment.getSpec().getHypothesis().getSuccessCriteria();
      assertFalse(criteria.isEmpty(), name);
      for (SuccessCriterion c : criteria) {
        MetricQuery metric = metrics.get(c.getMetric());
        assertNotNull(metric, name + ": " + c.getMetric());
        if (c.getTarget() != null) {
          assertTrue(targets.contains(c.getTarget()), name + ": " + c.getTarget());
          assertTrue(Boolean.TRUE.equals(metric.getPerTarget()), name + ": " + c.getMetric());
        }
        if (c.getThan() != null) {
          assertTrue(targets.contains(c.getThan()), name + ": " + c.getThan());
          assertTrue(experiment.getSpec().getMetrics().getRepetitions() >= 2, name);
        }
      }
      assertTrue(
          criteria.stream().anyMatch(c -> c.getThan() != null) || name.equals("gateway-comparison"),
          name + " compares its targets");
      for (MetricQuery metric : metrics.values()) {
        assertNotNull(metric.getUnit(), name + ": " + metric.getName());
        assertNotNull(metric.getGroup(), name + ": " + metric.getName());
      }
    }
  }

  @Test
  void theMetricsThatMayBeEmptySayWhatEmptyMeans() {
    for (Experiment experiment : SCENARIOS) {
      for (MetricQuery metric : metrics(experiment).values()) {
        String query = metric.getQuery();
        boolean ownMetrics =
            !query.contains("container_cpu_usage_seconds_total")
                && !query.contains("container_memory_working_set_bytes");
        if (ownMetrics) {
          assertEquals(
              EmptyResult.INSUFFICIENT,
              metric.getOnEmpty(),
              "a component's own series may be unscraped: " + metric.getName());
        }
      }
    }
  }

  @Test
  void theTraceCriterionFollowsTheLoadEachBackendGets() {
    TraceLoad load = ComparisonWorkflows.traces(ComparisonWorkflows.TEMPO, "tempo:4317");
    SuccessCriterion spans =
        TracingComparison.build().getSpec().getHypothesis().getSuccessCriteria().stream()
            .filter(c -> c.getMetric().equals("spans_received"))
            .findFirst()
            .orElseThrow();
    assertEquals(0.8 * load.spansPerSecond(), spans.getValue());
    String template = LabYaml.write(ComparisonWorkflows.tracingComparison().build());
    assertTrue(template.contains("value: tempo:4317"), template);
    assertTrue(template.contains("value: jaeger-collector:4317"), template);
    assertEquals("traces", load.step().name());
    assertEquals("1200", load.durationParam().defaultValue(), "the original's 1,200 s");
  }

  @Test
  void loggingComparisonsCriteriaBetweenTargetsAreJudgedOnIntervals(@TempDir Path results)
      throws Exception {
    LabOutcome outcome =
        LabRunner.run(LoggingComparison.build(), RunOptions.defaults().root(ROOT).results(results));
    assertTrue(outcome.complete(), outcome.toString());
    Summary summary = outcome.summary().orElseThrow();
    List<Verdict.Criterion> comparative =
        summary.verdict().criteria().stream().filter(Verdict.Criterion::isComparative).toList();
    assertEquals(2, comparative.size(), summary.verdict().toString());
    for (Verdict.Criterion c : comparative) {
      assertEquals("loki", c.target());
      assertEquals("es", c.than());
      assertNotNull(c.ciLow(), c.toString());
      assertFalse(c.outcome() == Verdict.Outcome.MISSING, c.toString());
    }
    assertEquals(4, summary.comparisons().size(), "the declared metrics, loki against es");
  }

  private static Map<String, MetricQuery> metrics(Experiment experiment) {
    return experiment.getSpec().getMetrics().getQueries().stream()
        .collect(Collectors.toMap(MetricQuery::getName, Function.identity()));
  }
}
