package io.illm.lab.dsl;

import static io.illm.lab.dsl.Lab.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.Better;
import io.illm.lab.model.Category;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.Transport;
import io.illm.lab.rules.Problem;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.yaml.LabYaml;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExperimentDefTest {

  static final Param<Boolean> GRAFANA =
      boolParam("grafana.enabled").defaultValue(true).describe("Grafana");
  static final Param<Integer> REPLICAS = intParam("replicas").defaultValue(1);
  static final Param<String> RETENTION = stringParam("retention");
  static final ComponentDef STACK =
      component("stack", Category.OBSERVABILITY)
          .source(chart("https://charts.example.com", "stack").revision("1.0.0"))
          .parameter(GRAFANA, REPLICAS, RETENTION);
  static final ComponentDef APP =
      component("app", Category.APPS).git("https://github.com/example/lab.git", "apps/app", "main");

  private static ExperimentDef minimal() {
    return experiment("smoke")
        .target(target("app").on(gke()).deploy(APP))
        .workflow(workflow("smoke-test"))
        .completeOn(CompletionMode.WORKFLOW);
  }

  @Test
  void aMinimalExperimentWritesOnlyWhatWasSaid() {
    assertEquals(
        """
        apiVersion: experiments.illm.io/v1alpha1
        kind: Experiment
        metadata:
          name: smoke
        spec:
          targets:
            - name: app
              cluster:
                provider: gke
              components:
                - app: app
          workflow:
            template: smoke-test
            completion:
              mode: workflow
        """,
        LabYaml.write(minimal().build()));
  }

  @Test
  void everyValueLandsAtItsModelField() {
    Experiment experiment =
        experiment("full")
            .namespace("lab")
            .label("team", "perf")
            .annotation("note", "x")
            .title("Full")
            .describe("Everything")
            .tag("a", "b")
            .tag("c")
            .publish()
            .hypothesis(
                hypothesis("claim")
                    .question("q1")
                    .question("q2")
                    .focus("f")
                    .criterion(
                        expect("lat").below(250).target("app").describe("why"),
                        expect("lat").atMost(1),
                        expect("rate").above(2),
                        expect("rate").atLeast(3)))
            .target(
                target("app")
                    .on(
                        eks(EksMachine.M6I_XLARGE)
                            .nodes(3)
                            .spot()
                            .disk(100)
                            .kubernetes("1.30")
                            .region("us-west-2"))
                    .deploy(
                        STACK
                            .with(GRAFANA, false)
                            .with(REPLICAS, 3)
                            .with(RETENTION, "24h")
                            .with("x.y", "z"),
                        APP,
                        workflowRef("load"),
                        config("egress"))
                    .observability(Transport.TAILSCALE)
                    .depends("db"))
            .target(target("db").on(aks(AksMachine.STANDARD_D4S_V5)).observability())
            .target(target("hub").on(hub()))
            .target(target("zonal").on(gke("n2-custom").zone("europe-west1-b").spot(false)))
            .workflow(workflow("run").param("rps", "100"))
            .completeOn(CompletionMode.MANUAL)
            .metric(
                metric("lat")
                    .promql("q1")
                    .range()
                    .unit(Unit.MILLISECONDS)
                    .describe("latency")
                    .group("latency")
                    .perTarget()
                    .onEmpty(EmptyResult.ZERO)
                    .lowerIsBetter())
            .metric(
                metric("rate")
                    .promql("q2")
                    .instant()
                    .unit("req/min")
                    .perTarget(false)
                    .higherIsBetter())
            .metricsOnEmpty(EmptyResult.FAIL)
            .repetitions(5)
            .qualityGate(
                qualityGate()
                    .enabled(false)
                    .maxIterations(2)
                    .minDataCoverage(0.75)
                    .recollectDelay(Duration.ofSeconds(90)))
            .provisioningDeadline(Duration.ofMinutes(40))
            .deployingDeadline(Duration.ofMinutes(25))
            .runningDeadline(Duration.ofMinutes(90))
            .collectingDeadline(Duration.ofSeconds(30))
            .totalDeadline(Duration.ofHours(8))
            .cleanupOnComplete(retain(Duration.ofHours(2)))
            .cleanupOnFailure(delete())
            .budget(12.5)
            .build();

    assertEquals("full", experiment.getMetadata().getName());
    assertEquals("lab", experiment.getMetadata().getNamespace());
    assertEquals(Map.of("team", "perf"), experiment.getMetadata().getLabels());
    assertEquals(Map.of("note", "x"), experiment.getMetadata().getAnnotations());
    ExperimentSpec spec = experiment.getSpec();
    assertEquals("Full", spec.getTitle());
    assertEquals("Everything", spec.getDescription());
    assertEquals(List.of("a", "b", "c"), spec.getTags());
    assertEquals(true, spec.getPublish());
    assertEquals("claim", spec.getHypothesis().getClaim());
    assertEquals(List.of("q1", "q2"), spec.getHypothesis().getQuestions());
    assertEquals(List.of("f"), spec.getHypothesis().getFocus());
    assertEquals(
        List.of(
            new SuccessCriterion("lat", ComparisonOperator.LT, 250.0, "app", "why"),
            new SuccessCriterion("lat", ComparisonOperator.LTE, 1.0, null, null),
            new SuccessCriterion("rate", ComparisonOperator.GT, 2.0, null, null),
            new SuccessCriterion("rate", ComparisonOperator.GTE, 3.0, null, null)),
        spec.getHypothesis().getSuccessCriteria());

    Target app = spec.getTargets().get(0);
    assertEquals(
        new ClusterSpec(Provider.EKS, true, null, "us-west-2", "m6i.xlarge", 3, 100, "1.30"),
        app.getCluster());
    assertEquals(
        List.of(
            new ComponentRef(
                "stack",
                null,
                null,
                Map.of(
                    "grafana.enabled", "false", "replicas", "3", "retention", "24h", "x.y", "z")),
            new ComponentRef("app", null, null, null),
            new ComponentRef(null, "load", null, null),
            new ComponentRef(null, null, "egress", null)),
        app.getComponents());
    assertEquals(Transport.TAILSCALE, app.getObservability().getTransport());
    assertTrue(app.getObservability().isEnabled());
    assertEquals(List.of("db"), app.getDepends());
    assertEquals(
        new ClusterSpec(Provider.AKS, null, null, null, "Standard_D4s_v5", null, null, null),
        spec.getTargets().get(1).getCluster());
    assertNull(spec.getTargets().get(1).getObservability().getTransport());
    assertEquals(
        new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null),
        spec.getTargets().get(2).getCluster());
    assertEquals(
        new ClusterSpec(Provider.GKE, false, "europe-west1-b", null, "n2-custom", null, null, null),
        spec.getTargets().get(3).getCluster());

    assertEquals("run", spec.getWorkflow().getTemplate());
    assertEquals(CompletionMode.MANUAL, spec.getWorkflow().getCompletion().getMode());
    assertEquals(Map.of("rps", "100"), spec.getWorkflow().getParams());
    assertEquals(
        List.of(
            new MetricQuery(
                "lat",
                "q1",
                QueryType.RANGE,
                "ms",
                "latency",
                "latency",
                true,
                EmptyResult.ZERO,
                Better.LOWER),
            new MetricQuery(
                "rate",
                "q2",
                QueryType.INSTANT,
                "req/min",
                null,
                null,
                false,
                null,
                Better.HIGHER)),
        spec.getMetrics().getQueries());
    assertEquals(EmptyResult.FAIL, spec.getMetrics().getOnEmpty());
    assertEquals(5, spec.getMetrics().getRepetitions());
    assertEquals(false, spec.getQualityGate().getEnabled());
    assertEquals(2, spec.getQualityGate().getMaxIterations());
    assertEquals(0.75, spec.getQualityGate().getMinDataCoverage());
    assertEquals("1m30s", spec.getQualityGate().getRecollectDelay());
    assertEquals("40m", spec.getDeadlines().getProvisioning());
    assertEquals("25m", spec.getDeadlines().getDeploying());
    assertEquals("1h30m", spec.getDeadlines().getRunning());
    assertEquals("30s", spec.getDeadlines().getCollecting());
    assertEquals("8h", spec.getDeadlines().getTotal());
    assertEquals(CleanupAction.RETAIN, spec.getCleanup().getOnComplete().getAction());
    assertEquals("2h", spec.getCleanup().getOnComplete().getRetainFor());
    assertEquals(CleanupAction.DELETE, spec.getCleanup().getOnFailure().getAction());
    assertNull(spec.getCleanup().getOnFailure().getRetainFor());
    assertEquals(12.5, spec.getBudget().getMaxUSD());
  }

  @Test
  void optionalValuesLeftUnsaidStayAbsent() {
    ExperimentSpec spec = minimal().build().getSpec();
    assertNull(spec.getTitle());
    assertNull(spec.getTags());
    assertNull(spec.getPublish());
    assertNull(spec.getHypothesis());
    assertNull(spec.getMetrics());
    assertNull(spec.getQualityGate());
    assertNull(spec.getDeadlines());
    assertNull(spec.getCleanup());
    assertNull(spec.getBudget());
    assertNull(spec.getWorkflow().getParams());
    Target target = spec.getTargets().get(0);
    assertEquals(
        new ClusterSpec(Provider.GKE, null, null, null, null, null, null, null),
        target.getCluster());
    assertNull(target.getObservability());
    assertNull(target.getDepends());
    assertNull(target.getComponents().get(0).getParams());
  }

  @Test
  void buildReportsEveryProblemAtOnceWithItsPath() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                experiment("broken")
                    .target(target("nowhere").deploy(APP.with(GRAFANA, true)))
                    .metric(metric("empty"))
                    .runningDeadline(Duration.ofMillis(1500))
                    .cleanupOnFailure(retain(Duration.ofMinutes(-5)))
                    .build());
    List<String> paths =
        e.problems().stream().map(Problem::path).sorted().collect(Collectors.toList());
    assertEquals(
        List.of(
            "spec.cleanup.onFailure.retainFor",
            "spec.deadlines.running",
            "spec.metrics.queries[0].query",
            "spec.targets[0].cluster",
            // the rules: APP has no Helm source; the DSL: APP does not declare GRAFANA
            "spec.targets[0].components[0].params",
            "spec.targets[0].components[0].params[\"grafana.enabled\"]",
            "spec.workflow"),
        paths);
    assertTrue(e.problems().stream().allMatch(p -> p.file().equals("experiments/broken")));
    assertTrue(
        e.getMessage()
            .contains(
                "experiments/broken: spec.targets[0].cluster: target \"nowhere\" has no cluster"),
        e.getMessage());
  }

  @Test
  void anExperimentWithoutTargetsOrCompletionSaysSo() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class, () -> experiment("empty").workflow(workflow("w")).build());
    assertEquals(
        List.of("spec.targets", "spec.workflow.completion"),
        e.problems().stream().map(Problem::path).sorted().collect(Collectors.toList()));
  }

  @Test
  void aTypedParameterMustBeDeclaredWithTheSameType() {
    Param<String> sameNameOtherType = stringParam("grafana.enabled");
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                minimal()
                    .target(target("other").on(hub()).deploy(STACK.with(sameNameOtherType, "yes")))
                    .build());
    assertEquals(
        "spec.targets[1].components[0].params[\"grafana.enabled\"]", e.problems().get(0).path());
    // the declared parameter, and by-name references (which carry no declarations), pass
    minimal()
        .target(
            target("other")
                .on(hub())
                .deploy(STACK.with(GRAFANA, true), app("imported").with(sameNameOtherType, "yes")))
        .build();
  }

  @Test
  void byNameReferencesKeepTheirKindAndParameters() {
    Experiment experiment =
        minimal()
            .target(
                target("t")
                    .on(hub())
                    .deploy(app("a").with("k", "v"), workflowRef("w"), config("c")))
            .build();
    List<ComponentRef> refs = experiment.getSpec().getTargets().get(1).getComponents();
    assertEquals(new ComponentRef("a", null, null, Map.of("k", "v")), refs.get(0));
    assertEquals(new ComponentRef(null, "w", null, null), refs.get(1));
    assertEquals(new ComponentRef(null, null, "c", null), refs.get(2));
  }

  @Test
  void byNameReferencesAreCheckedAgainstACatalogueWhenOneIsGiven() {
    ExperimentDef def = minimal().target(target("t").on(hub()).deploy(app("imported")));
    def.build();
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> def.build(ComponentCatalogue.of(List.of(APP.build()))));
    assertEquals(
        List.of(
            "experiments/smoke: spec.targets[1].components[0].app: unknown component \"imported\" (components: app)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void eachMistakeIsReportedOnce() {
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () ->
                experiment("once")
                    .target(target("a").deploy(APP), target("a").on(hub()).depends("a", "b"))
                    .workflow(workflow("w"))
                    .build());
    assertEquals(
        List.of(
            "experiments/once: spec.targets[0].cluster: target \"a\" has no cluster (set cluster.provider: gke, eks,"
                + " aks or hub)",
            "experiments/once: spec.targets[1].depends[0]: depends must name another target of this experiment: a"
                + " target cannot depend on itself (remove a)",
            "experiments/once: spec.targets[1].depends[1]: depends must name another target of this experiment:"
                + " unknown target \"b\" (targets: a)",
            "experiments/once: spec.targets[1].name: target names must be unique: \"a\" is also spec.targets[0]"
                + " (rename one of them)",
            "experiments/once: spec.workflow.completion: nothing says what ends the Running phase (add completion"
                + " with mode workflow (the workflow's end) or manual)"),
        e.problems().stream().map(Problem::toString).toList());
  }

  @Test
  void aComponentValueOfAnotherTypeIsReferencedAsThatType() {
    ComponentDef load =
        component("load", Category.TESTING)
            .type(ComponentType.WORKFLOW)
            .git("https://github.com/example/lab.git", "load", "main");
    Experiment experiment = minimal().target(target("t").on(hub()).deploy(load)).build();
    assertEquals(
        new ComponentRef(null, "load", null, null),
        experiment.getSpec().getTargets().get(1).getComponents().get(0));
  }

  @Test
  void everyBuildReturnsAFreshModelObject() {
    ExperimentDef def = minimal();
    Experiment first = def.build();
    first.getSpec().setTitle("changed");
    assertNull(def.build().getSpec().getTitle());
  }
}
