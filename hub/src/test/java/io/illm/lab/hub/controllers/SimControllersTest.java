package io.illm.lab.hub.controllers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.kubernetes.ChildCrds;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.ClusterCredentials;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.WorkflowShapes;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowSpec;
import io.illm.lab.operator.children.argoworkflows.workflowspec.WorkflowTemplateRef;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated controllers on the fabric8 mock API server (CRUD mode) with a clock that moves only
 * when the test advances it: what each writes on the real objects, and when.
 */
@EnableKubernetesMockClient(crud = true)
class SimControllersTest {

  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration READY = Duration.ofMinutes(8);
  private static final Duration GONE = Duration.ofMinutes(4);
  private static final Duration HEALTHY = Duration.ofMinutes(2);
  private static final Duration RUN = Duration.ofMinutes(10);
  private static final Placement AT = Placement.DEFAULT;

  KubernetesClient client;
  private final SimClock clock = SimClock.manual(Instant.parse("2026-11-27T00:00:00Z"));
  private SimControllers controllers;

  @BeforeEach
  void start() {
    ChildCrds.apply(client);
    controllers =
        new SimControllers(
            client,
            AT,
            clock,
            new SimTimings(
                READY,
                GONE,
                HEALTHY,
                GONE,
                Duration.ZERO,
                RUN,
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO));
    controllers.start();
  }

  @AfterEach
  void stop() {
    controllers.close();
  }

  @Test
  void aClaimBecomesReadyWithAConnectionSecretAndIsGoneOnlyAfterItsDeletionTime() {
    client.resource(claim("c1")).create();
    await("Synced, not Ready", () -> synced("c1"));
    assertTrue(claim("c1", ClusterState.PROVISIONING));
    assertEquals(
        List.of(SimCrossplane.FINALIZER),
        claims().withName("c1").get().getMetadata().getFinalizers());

    clock.advance(READY);
    await("Ready", () -> claim("c1", ClusterState.READY));
    Secret secret =
        client
            .secrets()
            .inNamespace(AT.claims())
            .withName(ClaimShapes.connectionSecret("c1"))
            .get();
    assertTrue(marked(secret));
    String kubeconfig =
        new String(
            Base64.getDecoder().decode(secret.getData().get("kubeconfig")), StandardCharsets.UTF_8);
    assertEquals(
        "simulated-token",
        ClusterCredentials.fromKubeconfig(kubeconfig).orElseThrow().bearerToken());

    claims().withName("c1").delete();
    await("deleting", () -> claim("c1", ClusterState.DELETING));
    clock.advance(GONE.minusSeconds(1));
    assertNotNull(claims().withName("c1").get(), "gone before its deletion time");
    // the controller schedules the deletion when its informer sees it, which may be a moment later
    await(
        "gone",
        () ->
            advanced(Duration.ofSeconds(1))
                && claims().withName("c1").get() == null
                && client
                        .secrets()
                        .inNamespace(AT.claims())
                        .withName(ClaimShapes.connectionSecret("c1"))
                        .get()
                    == null);
  }

  @Test
  void aClaimWithItsFailureSwitchOnFailsWithASimulatedMessage() {
    controllers.crossplane().fail("c2", "quota exceeded");
    client.resource(claim("c2")).create();
    await("Synced, not Ready", () -> synced("c2"));
    clock.advance(READY);

    await("failed", () -> claim("c2", ClusterState.FAILED));
    assertEquals(
        "simulated: quota exceeded",
        ClaimShapes.observe(claims().withName("c2").get(), false).message());
  }

  @Test
  void anApplicationTurnsHealthyOrDegradedAndKeepsItsCascadeFinalizerForItsDeletionTime() {
    controllers.argoCd().fail("bad", "simulated CrashLoopBackOff");
    client.resource(application("good")).create();
    client.resource(application("bad")).create();
    await(
        "progressing",
        () -> "Progressing".equals(health("good")) && "Progressing".equals(health("bad")));

    clock.advance(HEALTHY);
    await(
        "healthy and degraded",
        () -> "Healthy".equals(health("good")) && "Degraded".equals(health("bad")));
    assertTrue(marked(apps().withName("good").get()));

    apps().withName("good").delete();
    await(
        "deleting",
        () -> apps().withName("good").get().getMetadata().getDeletionTimestamp() != null);
    await("gone", () -> advanced(GONE) && apps().withName("good").get() == null);
  }

  @Test
  void aWorkflowRunsThenSucceedsOrFailsAndOneWithoutItsTemplateErrs() {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName("load-test").withNamespace(AT.workflows()).build());
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
    controllers.argoWorkflows().fail("w-fail", "simulated step failed");
    client.resource(workflow("w-ok", "load-test")).create();
    client.resource(workflow("w-fail", "load-test")).create();
    client.resource(workflow("w-none", "no-such-template")).create();

    await(
        "running, and an error",
        () ->
            "Running".equals(phase("w-ok"))
                && "Running".equals(phase("w-fail"))
                && "Error".equals(phase("w-none")));
    assertTrue(
        workflows().withName("w-none").get().getStatus().getMessage().contains("no-such-template"));
    clock.advance(RUN);
    await("ended", () -> "Succeeded".equals(phase("w-ok")) && "Failed".equals(phase("w-fail")));

    Workflow ok = workflows().withName("w-ok").get();
    assertEquals("2026-11-27T00:00:00Z", ok.getStatus().getStartedAt());
    assertEquals("2026-11-27T00:10:00Z", ok.getStatus().getFinishedAt());
    assertTrue(ok.getStatus().getMessage().startsWith("simulated"), ok.getStatus().getMessage());
    assertTrue(marked(ok));
  }

  @Test
  void aWorkflowWalksItsTemplatesStepsGroupByGroupWithNodesAndProgress() {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName("steps").withNamespace(AT.workflows()).build());
    template.setAdditionalProperty(
        "spec",
        Map.of(
            "entrypoint",
            "main",
            "templates",
            List.of(
                Map.of(
                    "name",
                    "main",
                    "steps",
                    List.of(
                        List.of(Map.of("name", "wait")),
                        List.of(Map.of("name", "load"), Map.of("name", "logs")))))));
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
    controllers.argoWorkflows().fail("w-fail", "simulated load failed");
    client.resource(workflow("w-steps", "steps")).create();
    client.resource(workflow("w-fail", "steps")).create();

    await("the first step runs", () -> "wait".equals(step("w-steps")));
    assertEquals("0/3", workflows().withName("w-steps").get().getStatus().getProgress());
    clock.advance(RUN.dividedBy(2));
    await("the parallel group runs", () -> "load, logs".equals(step("w-steps")));
    assertEquals("1/3", workflows().withName("w-steps").get().getStatus().getProgress());
    clock.advance(RUN.dividedBy(2));
    await("ended", () -> "Succeeded".equals(phase("w-steps")) && "Failed".equals(phase("w-fail")));
    assertEquals("3/3", workflows().withName("w-steps").get().getStatus().getProgress());
    assertEquals(null, step("w-steps"));
    Workflow failed = workflows().withName("w-fail").get();
    assertEquals("1/3", failed.getStatus().getProgress());
    assertEquals(
        List.of("Failed", "Failed", "Succeeded"),
        failed.getStatus().getNodes().values().stream().map(n -> n.getPhase()).sorted().toList());
  }

  private String step(String workflow) {
    Workflow w = workflows().withName(workflow).get();
    return w == null ? null : WorkflowShapes.observe(w).step();
  }

  private boolean claim(String name, ClusterState state) {
    ClusterClaim claim = claims().withName(name).get();
    return claim != null && ClaimShapes.observe(claim, false).state() == state;
  }

  /**
   * The claim is marked and says Synced: the controller has seen it, and scheduled its
   * provisioning.
   */
  private boolean synced(String name) {
    ClusterClaim claim = claims().withName(name).get();
    return claim != null
        && marked(claim)
        && claim.getStatus() != null
        && claim.getStatus().getConditions() != null
        && claim.getStatus().getConditions().stream().anyMatch(c -> "Synced".equals(c.getType()));
  }

  private String health(String app) {
    Application a = apps().withName(app).get();
    return a == null || a.getStatus() == null || a.getStatus().getHealth() == null
        ? null
        : a.getStatus().getHealth().getStatus();
  }

  private String phase(String workflow) {
    Workflow w = workflows().withName(workflow).get();
    return w == null || w.getStatus() == null ? null : w.getStatus().getPhase();
  }

  /** Moves the clock on; true, for use inside {@link #await} conditions. */
  private boolean advanced(Duration step) {
    clock.advance(step);
    return true;
  }

  private static boolean marked(HasMetadata object) {
    return object.getMetadata().getAnnotations() != null
        && "true".equals(object.getMetadata().getAnnotations().get(SimControllers.ANNOTATION));
  }

  private static void await(String what, Supplier<Boolean> done) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (!done.get()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          ClusterClaim,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<ClusterClaim>,
          io.fabric8.kubernetes.client.dsl.Resource<ClusterClaim>>
      claims() {
    return client.resources(ClusterClaim.class).inNamespace(AT.claims());
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Application,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<Application>,
          io.fabric8.kubernetes.client.dsl.Resource<Application>>
      apps() {
    return client.resources(Application.class).inNamespace(AT.argocd());
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Workflow,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<Workflow>,
          io.fabric8.kubernetes.client.dsl.Resource<Workflow>>
      workflows() {
    return client.resources(Workflow.class).inNamespace(AT.workflows());
  }

  private static ClusterClaim claim(String name) {
    ClusterClaim claim = new ClusterClaim();
    claim.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(AT.claims()).build());
    return claim;
  }

  private static Application application(String name) {
    Application app = new Application();
    app.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(AT.argocd())
            .withFinalizers(ApplicationShapes.RESOURCES_FINALIZER)
            .build());
    return app;
  }

  private static Workflow workflow(String name, String template) {
    Workflow workflow = new Workflow();
    workflow.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(AT.workflows()).build());
    WorkflowSpec spec = new WorkflowSpec();
    WorkflowTemplateRef ref = new WorkflowTemplateRef();
    ref.setName(template);
    spec.setWorkflowTemplateRef(ref);
    workflow.setSpec(spec);
    return workflow;
  }
}
