package io.illm.lab.importer;

import static io.illm.lab.importer.Imports.at;
import static io.illm.lab.importer.Imports.paths;
import static io.illm.lab.importer.Imports.single;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComparisonOperator;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.Provider;
import io.illm.lab.model.QueryType;
import io.illm.lab.model.SuccessCriterion;
import io.illm.lab.model.Target;
import io.illm.lab.model.Transport;
import io.illm.lab.model.Tutorial;
import io.illm.lab.model.TutorialService;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OriginalExperimentTest {

  private static final String HEAD =
      """
      apiVersion: experiments.illm.io/v1alpha1
      kind: Experiment
      metadata:
        generateName: tsdb-
        namespace: experiments
      spec:
        workflow:
          template: tsdb-validation
          completion:
            mode: workflow
      """;

  private static final String GKE_TARGET =
      """
        targets:
          - name: app
            cluster:
              type: gke
      """;

  private static ImportResult original(String spec) {
    return Importer.read("experiments/tsdb.yaml", HEAD + spec);
  }

  @Test
  void clusterTypeBecomesProviderAndTheMachineShapeIsCarried() {
    Experiment experiment =
        single(
            original(
                """
          targets:
            - name: app
              cluster:
                type: gke
                zone: europe-west1-b
                nodeCount: 3
                machineType: e2-standard-4
                diskSizeGb: 100
                preemptible: true
        """),
            Experiment.class);

    ClusterSpec cluster = experiment.getSpec().getTargets().get(0).getCluster();
    assertEquals(Provider.GKE, cluster.getProvider());
    assertEquals("europe-west1-b", cluster.getZone());
    assertEquals(3, cluster.getNodeCount());
    assertEquals("e2-standard-4", cluster.getMachineType());
    assertEquals(100, cluster.getDiskSizeGb());
    assertEquals(Boolean.TRUE, cluster.getPreemptible());
  }

  @Test
  void machineShapeOnAHubTargetIsDroppedWithAWarningPerField() {
    ImportResult result =
        original(
            """
          targets:
            - name: app
              cluster:
                type: gke
            - name: hub
              cluster:
                type: hub
                machineType: e2-standard-4
                preemptible: true
        """);

    ClusterSpec hub = single(result, Experiment.class).getSpec().getTargets().get(1).getCluster();
    assertEquals(new ClusterSpec(Provider.HUB, null, null, null, null, null, null, null), hub);
    assertEquals(
        Problem.Severity.WARNING, at(result, "spec.targets[1].cluster.machineType").severity());
    assertEquals(
        Problem.Severity.WARNING, at(result, "spec.targets[1].cluster.preemptible").severity());
  }

  @Test
  void theFlatMetricsListBecomesMetricsQueriesWithEveryField() {
    Experiment experiment =
        single(
            original(
                GKE_TARGET
                    + """
          metrics:
            - name: cluster_cpu
              query: sum(rate(container_cpu_usage_seconds_total[5m]))
              type: range
              unit: cores
              description: Total cluster CPU
              group: cluster
            - name: rows
              query: sum(rows)
        """),
            Experiment.class);

    List<MetricQuery> queries = experiment.getSpec().getMetrics().getQueries();
    assertEquals(2, queries.size());
    MetricQuery cpu = queries.get(0);
    assertEquals(
        List.of(
            "cluster_cpu",
            "sum(rate(container_cpu_usage_seconds_total[5m]))",
            QueryType.RANGE,
            "cores",
            "Total cluster CPU",
            "cluster"),
        List.of(
            cpu.getName(),
            cpu.getQuery(),
            cpu.getType(),
            cpu.getUnit(),
            cpu.getDescription(),
            cpu.getGroup()));
    assertEquals("rows", queries.get(1).getName());
  }

  @Test
  void criterionValuesWrittenAsStringsBecomeNumbers() {
    Experiment experiment =
        single(
            original(
                GKE_TARGET
                    + """
          metrics:
            - name: p99
              query: histogram_quantile(0.99, rate(x[1m]))
          hypothesis:
            claim: fast enough
            questions: ["how fast?"]
            focus: [latency]
            successCriteria:
              - metric: p99
                operator: lt
                value: "0.25"
                description: a quarter second
              - metric: p99
                operator: gte
                value: "1e-3"
        """),
            Experiment.class);

    List<SuccessCriterion> criteria = experiment.getSpec().getHypothesis().getSuccessCriteria();
    assertEquals(
        new SuccessCriterion("p99", ComparisonOperator.LT, 0.25, null, "a quarter second"),
        criteria.get(0));
    assertEquals(0.001, criteria.get(1).getValue());
    assertEquals(List.of("how fast?"), experiment.getSpec().getHypothesis().getQuestions());
    assertEquals(List.of("latency"), experiment.getSpec().getHypothesis().getFocus());
  }

  @Test
  void anUnparsableCriterionValueIsAnErrorWithPathAndHint() {
    ImportResult result =
        original(
            GKE_TARGET
                + """
          metrics:
            - name: p99
              query: x
          hypothesis:
            claim: fast enough
            successCriteria:
              - metric: p99
                operator: lt
                value: "250ms"
        """);

    Problem problem = at(result, "spec.hypothesis.successCriteria[0].value");
    assertTrue(problem.isError());
    assertEquals("\"250ms\" is not a number", problem.message());
    assertTrue(problem.hint().contains("plain number"), problem.hint());
    assertTrue(result.objects().isEmpty(), "an object with errors is not returned");
  }

  @Test
  void generateNameBecomesTheNameAndTheNamespaceIsKept() {
    ImportResult result = original(GKE_TARGET);

    Experiment experiment = single(result, Experiment.class);
    assertEquals("tsdb", experiment.getMetadata().getName());
    assertNull(experiment.getMetadata().getGenerateName());
    assertEquals("experiments", experiment.getMetadata().getNamespace());
    assertEquals(
        "generateName replaced by name tsdb; synth'd experiments have fixed names",
        at(result, "metadata.generateName").message());
  }

  @Test
  void aNameNextToGenerateNameWins() {
    ImportResult result =
        Importer.read(
            "x.yaml",
            HEAD.replace("generateName: tsdb-", "generateName: tsdb-\n  name: kept") + GKE_TARGET);

    assertEquals("kept", single(result, Experiment.class).getMetadata().getName());
    assertEquals(Problem.Severity.WARNING, at(result, "metadata.generateName").severity());
  }

  @Test
  void fieldsWithoutACounterpartAreReportedOnceAtTheirTopFieldWithWhy() {
    ImportResult result =
        original(
            GKE_TARGET
                + """
          series: cloud-database-internals
          ttlDays: 3
          analyzerConfig:
            sections: [abstract, body]
          codeSnippets:
            store:
              name: store
              language: go
              path: main.go
        """);

    single(result, Experiment.class);
    assertEquals(
        List.of(
            "metadata.generateName WARNING",
            "spec.analyzerConfig WARNING",
            "spec.codeSnippets WARNING",
            "spec.series WARNING",
            "spec.ttlDays WARNING"),
        paths(result));
    assertTrue(
        at(result, "spec.ttlDays").hint().contains("spec.cleanup"),
        at(result, "spec.ttlDays").hint());
    assertTrue(
        at(result, "spec.ttlDays").hint().contains("spec.deadlines"),
        at(result, "spec.ttlDays").hint());
  }

  @Test
  void theTutorialIsCarriedWithoutItsFileAndWithPort80WhereTheOriginalTookTheFirstPort() {
    ImportResult result =
        original(
            GKE_TARGET
                + """
          tutorial:
            path: tutorial.yaml
            exposeKubeconfig: true
            services:
              - name: grafana
                target: app
                service: kube-prometheus-stack-grafana
                namespace: obs
              - name: prometheus
                target: app
                service: prometheus
                namespace: obs
                port: 9090
        """);

    Tutorial tutorial = single(result, Experiment.class).getSpec().getTutorial();
    assertEquals(
        List.of(
            "metadata.generateName WARNING",
            "spec.tutorial.path WARNING",
            "spec.tutorial.services[0].port WARNING"),
        paths(result).stream().sorted().toList());
    assertTrue(tutorial.exposesKubeconfig());
    assertEquals(
        List.of(
            new TutorialService("grafana", "app", "kube-prometheus-stack-grafana", "obs", 80, null),
            new TutorialService("prometheus", "app", "prometheus", "obs", 9090, null)),
        tutorial.getServices());
    assertTrue(
        at(result, "spec.tutorial.services[0].port")
            .hint()
            .contains("kubectl get service kube-prometheus-stack-grafana"),
        at(result, "spec.tutorial.services[0].port").hint());
  }

  @Test
  void targetsCarryComponentsParamsDependsAndObservabilityButNotTenant() {
    ImportResult result =
        original(
            """
          targets:
            - name: app
              cluster:
                type: gke
              components:
                - app: kube-prometheus-stack
                  params:
                    grafana.enabled: "true"
                - config: metrics-egress
                - workflow: smoke
              observability:
                enabled: true
                transport: tailscale
                tenant: anonymous
            - name: loadgen
              cluster:
                type: gke
              depends: [app]
        """);

    List<Target> targets = single(result, Experiment.class).getSpec().getTargets();
    assertEquals(
        Map.of("grafana.enabled", "true"), targets.get(0).getComponents().get(0).getParams());
    assertEquals("metrics-egress", targets.get(0).getComponents().get(1).getConfig());
    assertEquals("smoke", targets.get(0).getComponents().get(2).getWorkflow());
    assertTrue(targets.get(0).getObservability().isEnabled());
    assertEquals(Transport.TAILSCALE, targets.get(0).getObservability().getTransport());
    assertEquals(List.of("app"), targets.get(1).getDepends());
    assertTrue(
        at(result, "spec.targets[0].observability.tenant").message().contains("VictoriaMetrics"));
  }

  @Test
  void workflowTitleTagsPublishAndQualityGateAreCarried() {
    String head =
        HEAD.replace(
            "completion:\n      mode: workflow",
            "completion:\n      mode: manual\n    params:\n      rate: \"5\"");
    Experiment experiment =
        single(
            Importer.read(
                "experiments/tsdb.yaml",
                head
                    + GKE_TARGET
                    + """
          title: TSDB
          description: compares
          tags: [a, b]
          publish: true
          qualityGate:
            enabled: true
            maxIterations: 2
            minDataCoverage: 0.75
            recollectDelaySeconds: 120
        """),
            Experiment.class);

    assertEquals("TSDB", experiment.getSpec().getTitle());
    assertEquals("compares", experiment.getSpec().getDescription());
    assertEquals(List.of("a", "b"), experiment.getSpec().getTags());
    assertEquals(Boolean.TRUE, experiment.getSpec().getPublish());
    assertEquals(Map.of("rate", "5"), experiment.getSpec().getWorkflow().getParams());
    assertEquals("manual", experiment.getSpec().getWorkflow().getCompletion().getMode().value());
    assertEquals(2, experiment.getSpec().getQualityGate().getMaxIterations());
    assertEquals(0.75, experiment.getSpec().getQualityGate().getMinDataCoverage());
    assertEquals("2m", experiment.getSpec().getQualityGate().getRecollectDelay());
  }

  @Test
  void recollectDelaySecondsAreWrittenAsTheApiWritesDurations() {
    assertEquals("0s", OriginalExperiment.duration(0));
    assertEquals("45s", OriginalExperiment.duration(45));
    assertEquals("2m", OriginalExperiment.duration(120));
    assertEquals("1m30s", OriginalExperiment.duration(90));
    assertEquals("1h", OriginalExperiment.duration(3600));
    assertEquals("1h30m", OriginalExperiment.duration(5400));
    assertEquals("1h1m1s", OriginalExperiment.duration(3661));
  }

  @Test
  void aNegativeOrFractionalDelayIsAnError() {
    ImportResult result =
        original(
            GKE_TARGET
                + """
          qualityGate:
            recollectDelaySeconds: -5
        """);

    assertTrue(at(result, "spec.qualityGate.recollectDelaySeconds").isError());
  }

  @Test
  void unknownFieldsOfTheOriginalAreWarnedAndRemovedNotFatal() {
    ImportResult result =
        original(
            """
          targets:
            - name: app
              colour: blue
              cluster:
                type: gke
                region: x
          flavour: vanilla
        """);

    single(result, Experiment.class);
    Problem colour = at(result, "spec.targets[0].colour");
    assertEquals(Problem.Severity.WARNING, colour.severity());
    assertTrue(colour.hint().contains("cluster"), colour.hint());
    assertEquals(Problem.Severity.WARNING, at(result, "spec.targets[0].cluster.region").severity());
    assertEquals(Problem.Severity.WARNING, at(result, "spec.flavour").severity());
  }

  @Test
  void statusIsNotImported() {
    ImportResult result =
        original(
            GKE_TARGET
                + """
        status:
          phase: Complete
        """);

    assertNull(single(result, Experiment.class).getStatus());
    assertEquals(Problem.Severity.WARNING, at(result, "status").severity());
  }

  @Test
  void theDialectIsRecognisedFromWhatTheDocumentContains() {
    assertTrue(OriginalExperiment.recognises(tree("spec: {targets: [{cluster: {type: gke}}]}")));
    assertTrue(OriginalExperiment.recognises(tree("spec: {metrics: []}")));
    assertTrue(
        OriginalExperiment.recognises(
            tree("spec: {hypothesis: {successCriteria: [{value: '1'}]}}")));
    assertTrue(OriginalExperiment.recognises(tree("spec: {ttlDays: 1}")));
    assertFalse(
        OriginalExperiment.recognises(
            tree("spec: {targets: [{cluster: {provider: gke}}], metrics: {queries: []}}")));
    assertFalse(
        OriginalExperiment.recognises(tree("spec: {hypothesis: {successCriteria: [{value: 1}]}}")));
  }

  private static com.fasterxml.jackson.databind.JsonNode tree(String yaml) {
    try {
      return io.illm.lab.yaml.LabYaml.readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
