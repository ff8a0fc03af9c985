package io.illm.lab.operator.josdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentBuilder;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.lifecycle.Observation;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.testing.Testing;
import io.javaoperatorsdk.operator.Operator;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real JOSDK operator against the fabric8 mock API server in CRUD mode (not a real
 * kube-apiserver: no admission, no schema validation, no garbage collection), with the generated
 * CRD applied and the simulated world at instant timings.
 */
class ExperimentReconcilerTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);

  private final Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
  private KubernetesMockServer server;
  private KubernetesClient client;
  private SimWorld world;
  private OperatorMetrics metrics;
  private Operator operator;
  private StartedFirstExecutor reconciles;

  /**
   * The API server first, with the generated CRD: the status subresource exists only once it is
   * applied.
   */
  @BeforeEach
  void startApiServer() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(expectations),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    try (InputStream crd =
        new FileInputStream(
            Path.of("../generated-crds/experiments.experiments.illm.io.yaml").toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
  }

  private void start(SimTimings timings) throws Exception {
    start(timings, Optional.empty());
  }

  private void start(SimTimings timings, Optional<String> leaseNamespace) throws Exception {
    world = new SimWorld(SimClock.manual(Instant.parse("2026-11-27T00:00:00Z")), timings);
    metrics = new OperatorMetrics();
    OperatorSettings settings =
        new OperatorSettings(2, leaseNamespace, 0, 1, Duration.ofMillis(50), false, false);
    reconciles = new StartedFirstExecutor(settings.concurrency(), StartedFirstExecutor.HEAD_START);
    operator =
        ExperimentOperator.create(
            client, new Engine(world.ports(), world.clock), settings, metrics, reconciles);
    operator.start();
  }

  @AfterEach
  void stop() {
    if (operator != null) {
      operator.stop();
    }
    client.close();
    server.destroy();
  }

  @Test
  void anExperimentRunsToCompleteAndIsCleanedUpWhenDeleted() throws Exception {
    start(SimTimings.INSTANT);
    client.resource(Testing.twoTargetExperiment("tsdb")).create();

    ExperimentStatus status =
        awaitStatus("tsdb", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    assertEquals(Phase.COMPLETE, status.getPhase());
    assertEquals(1L, status.getObservedGeneration());
    assertEquals("True", condition(status, "Ready").getStatus());
    assertEquals(1L, condition(status, "Ready").getObservedGeneration());
    assertEquals(Boolean.TRUE, status.getSimulated());
    assertEquals("sim://results/lab/tsdb/summary.json", status.getResultsURL());
    assertTrue(
        experiment("tsdb").get().getMetadata().getFinalizers().contains(Engine.FINALIZER),
        "the finalizer stays until the experiment is deleted");
    assertEquals(
        List.of(
            "Started",
            "ClustersReady",
            "WorkflowSubmitted",
            "RunFinished",
            "MetricsCollected",
            "Succeeded",
            "Cleaned"),
        distinct(world.events.reasons(new ExperimentId("lab", "tsdb"))));

    assertTrue(
        metrics.count("reconcile", "success") < 30,
        "a status patch must not start a loop of turns: " + metrics.count("reconcile", "success"));
    assertTrue(
        reconciles.told() >= metrics.count("reconcile", "success"),
        "every reconcile went through the executor");
    assertEquals(
        0,
        reconciles.blind(),
        "JOSDK names the experiment (its metrics hook) before each reconcile it hands over");

    experiment("tsdb").delete();
    await("the experiment is gone", () -> experiment("tsdb").get() == null);
    assertNothingLeft();
  }

  @Test
  void aFailingClusterFailsTheRunWithAReasonAndIsCleanedUp() throws Exception {
    start(SimTimings.INSTANT);
    world.clusters.fail(ExperimentNames.clusterName("broken", "app"), "quota exceeded");
    client.resource(Testing.twoTargetExperiment("broken")).create();

    ExperimentStatus status =
        awaitStatus("broken", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    assertEquals(Phase.FAILED, status.getPhase());
    Condition degraded = condition(status, "Degraded");
    assertEquals("ClusterFailed", degraded.getReason());
    assertTrue(degraded.getMessage().contains("quota exceeded"), degraded.getMessage());
    assertNothingLeft();
  }

  @Test
  void deletingARunningExperimentKeepsTheFinalizerUntilEveryChildIsGone() throws Exception {
    Duration clusterGone = Duration.ofMinutes(4);
    SimTimings i = SimTimings.INSTANT;
    start(
        new SimTimings(
            i.clusterReady(),
            clusterGone,
            i.appHealthy(),
            i.appGone(),
            i.workflowStart(),
            i.workflowRun(),
            i.workflowGone(),
            i.metrics(),
            i.results()));
    world.deployments.degrade(
        ExperimentNames.applicationName("busy", "app", "prometheus"), "CrashLoopBackOff");
    client.resource(Testing.twoTargetExperiment("busy")).create();
    awaitStatus(
        "busy",
        s -> !world.clusters.existing().isEmpty() && !world.deployments.existing().isEmpty());

    experiment("busy").delete();
    ExperimentStatus deleting = awaitStatus("busy", s -> "CleaningUp".equals(s.getStep()));

    assertEquals(Phase.FAILED, deleting.getPhase());
    assertEquals("Deleted", condition(deleting, "Degraded").getReason());
    assertEquals(
        Map.of(ExperimentNames.clusterName("busy", "app"), ClusterState.DELETING),
        world.clusters.existing());
    assertTrue(
        experiment("busy").get().getMetadata().getFinalizers().contains(Engine.FINALIZER),
        "the finalizer stays while a claim is deleting");

    world.clock.advance(clusterGone);

    await("the experiment is gone", () -> experiment("busy").get() == null);
    assertNothingLeft();
  }

  @Test
  void aManualRunEndsWhenTheUserAnnotatesIt() throws Exception {
    start(SimTimings.INSTANT);
    client.resource(Testing.manualExperiment("by-hand")).create();
    awaitStatus("by-hand", s -> s.getPhase() == Phase.RUNNING);

    // the clock stands still: only the annotation's own event can end the run; a merge patch
    // without resourceVersion, as kubectl annotate sends, so a status patch in between is no
    // conflict
    experiment("by-hand")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"annotations\":{\""
                + Observation.COMPLETE_ANNOTATION
                + "\":\"true\"}}}");

    ExperimentStatus status =
        awaitStatus("by-hand", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));
    assertEquals(Phase.COMPLETE, status.getPhase());
  }

  @Test
  void aTurnThatChangesNothingWritesNoStatus() throws Exception {
    start(SimTimings.INSTANT);
    client.resource(Testing.twoTargetExperiment("still")).create();
    awaitStatus("still", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));
    await(
        "the turns after Cleaned are over",
        () -> {
          long before = metrics.count("reconcile", "success");
          sleep(Duration.ofMillis(300));
          return metrics.count("reconcile", "success") == before;
        });
    long turns = metrics.count("reconcile", "success");
    int requests = server.getRequestCount();

    // an annotation is an event worth a turn (UserEdits): one more turn, on a world where nothing
    // changed (the clock stands still)
    experiment("still")
        .edit(
            e ->
                new ExperimentBuilder(e)
                    .editMetadata()
                    .addToAnnotations("note", "seen")
                    .endMetadata()
                    .build());
    await("one more turn", () -> metrics.count("reconcile", "success") > turns);
    sleep(Duration.ofMillis(300));

    assertEquals(
        2,
        server.getRequestCount() - requests,
        "the edit's GET and PATCH, and no status patch of the turn it caused");
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void withLeaderElectionTheOperatorTakesTheLeaseThenReconciles() throws Exception {
    // JOSDK checks its Lease permissions first; the mock cannot answer that review by itself
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(
            201,
            new SelfSubjectRulesReviewBuilder()
                .withNewStatus()
                .addNewResourceRule()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("get", "create", "update")
                .endResourceRule()
                .endStatus()
                .build())
        .always();
    start(SimTimings.INSTANT, Optional.of("lab"));
    client.resource(Testing.twoTargetExperiment("led")).create();

    assertEquals(
        Phase.COMPLETE,
        awaitStatus("led", s -> Boolean.TRUE.equals(s.getResourcesCleaned())).getPhase());
    assertNotNull(client.leases().inNamespace("lab").withName(OperatorSettings.LEASE_NAME).get());
  }

  @Test
  void aConflictOnTheStatusPatchIsRetried() throws Exception {
    start(SimTimings.INSTANT);
    server
        .expect()
        .patch()
        .withPath("/apis/experiments.illm.io/v1alpha1/namespaces/lab/experiments/contested/status")
        .andReturn(
            409,
            new StatusBuilder()
                .withCode(409)
                .withReason("Conflict")
                .withMessage("the object has been modified")
                .build())
        .once();
    client.resource(Testing.twoTargetExperiment("contested")).create();

    ExperimentStatus status =
        awaitStatus("contested", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    assertEquals(Phase.COMPLETE, status.getPhase());
    assertTrue(metrics.count("reconcile", "failure") >= 1, metrics.prometheusText());
  }

  @Test
  void probesAndMetricsAnswerOverHttp() throws Exception {
    start(SimTimings.INSTANT);
    client.resource(Testing.twoTargetExperiment("probed")).create();
    awaitStatus("probed", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    try (ProbeServer probes = ProbeServer.start(0, operator, metrics)) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health =
          http.send(get(probes, "/healthz"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> ready =
          http.send(get(probes, "/readyz"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> scraped =
          http.send(get(probes, "/metrics"), HttpResponse.BodyHandlers.ofString());

      assertEquals(200, health.statusCode());
      assertEquals("ok", health.body());
      assertEquals(200, ready.statusCode());
      assertTrue(
          scraped
              .body()
              .contains(
                  "illm_operator_executions_total{execution=\"reconcile\",outcome=\"success\"} "),
          scraped.body());
    }
  }

  private static HttpRequest get(ProbeServer probes, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probes.port() + path)).build();
  }

  private Resource<Experiment> experiment(String name) {
    return client.resources(Experiment.class).inNamespace(Testing.NAMESPACE).withName(name);
  }

  private ExperimentStatus awaitStatus(
      String name, java.util.function.Predicate<ExperimentStatus> done) {
    await(
        name + " reaches the expected status",
        () -> {
          Experiment e = experiment(name).get();
          return e != null && e.getStatus() != null && done.test(e.getStatus());
        });
    return experiment(name).get().getStatus();
  }

  private void assertNothingLeft() {
    assertEquals(Map.of(), world.clusters.existing());
    assertEquals(Map.of(), world.deployments.existing());
    assertEquals(0, world.workflows.existing());
  }

  private static Condition condition(ExperimentStatus status, String type) {
    Condition found =
        status.getConditions().stream()
            .filter(c -> type.equals(c.getType()))
            .findFirst()
            .orElse(null);
    assertNotNull(found, "no condition " + type + " in " + status.getConditions());
    return found;
  }

  private static List<String> distinct(List<String> reasons) {
    return reasons.stream().distinct().toList();
  }

  private static void await(String what, Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.get()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting until " + what, e);
      }
    }
  }
}
