package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.illm.lab.model.ClusterSpec;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.Provider;
import io.illm.lab.operator.adapters.argocd.ArgoCdDeployments;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.CreateClusterClaim;
import io.illm.lab.operator.lifecycle.Action.SubmitWorkflow;
import io.illm.lab.operator.lifecycle.Observation.ClusterState;
import io.illm.lab.operator.lifecycle.Observation.WorkflowState;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.testing.Testing;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The adapters' cached reads (ADR-011) on the fabric8 mock API server (CRUD mode): once the
 * informers have an object, observe answers from them without a request; while they are not synced
 * it reads afresh; a stale cache that misses a child only leads to a repeated create, which the
 * server refuses (409) and the adapters take as success; a Component or WorkflowTemplate the cache
 * does not know is looked up afresh before it counts as missing.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesChildCacheTest {

  private static final ExperimentId EXPERIMENT = new ExperimentId("lab", "tsdb");
  private static final String TEMPLATE = "load-test";

  /** A cache that never has anything, as a stale one right after our own create. */
  private static final ChildCache STALE =
      new ChildCache() {
        @Override
        public <T extends HasMetadata> Optional<List<T>> children(
            Class<T> kind, String experiment) {
          return Optional.of(List.of());
        }

        @Override
        public boolean knowsComponent(String name) {
          return false;
        }

        @Override
        public boolean knowsTemplate(String name) {
          return false;
        }
      };

  KubernetesClient client;
  KubernetesMockServer server;
  private KubernetesChanges changes;

  @BeforeEach
  void start() {
    ChildCrds.apply(client);
    changes = new KubernetesChanges(client, Placement.DEFAULT);
  }

  @AfterEach
  void stop() {
    changes.close();
  }

  @Test
  void aCreatedChildIsObservedFromTheCacheOnceTheInformerHasIt() {
    changes.start();
    CrossplaneClusters clusters = new CrossplaneClusters(client, Placement.DEFAULT, changes);
    ArgoCdDeployments deployments = new ArgoCdDeployments(client, Placement.DEFAULT, changes);
    ArgoWorkflows workflows = new ArgoWorkflows(client, Placement.DEFAULT, changes);
    client.resource(Testing.gitComponent("prometheus")).create();
    createTemplate();

    clusters.create(EXPERIMENT, claim());
    deployments.create(EXPERIMENT, application());
    workflows.submit(EXPERIMENT, new SubmitWorkflow("tsdb", TEMPLATE, Map.of()));
    await(
        () ->
            changes.children(ClusterClaim.class, "tsdb").orElseThrow().size() == 1
                && changes.children(Application.class, "tsdb").orElseThrow().size() == 1
                && changes.children(Workflow.class, "tsdb").orElseThrow().size() == 1
                && changes.knowsComponent("prometheus")
                && changes.knowsTemplate(TEMPLATE));

    int before = server.getRequestCount();
    assertEquals(ClusterState.PROVISIONING, clusters.observe(EXPERIMENT).get("tsdb-app").state());
    assertEquals(Set.of("tsdb-prometheus"), deployments.observe(EXPERIMENT).keySet());
    assertEquals(WorkflowState.PENDING, workflows.observe(EXPERIMENT, TEMPLATE).state());
    assertFalse(workflows.observe(EXPERIMENT, TEMPLATE).templateMissing());
    assertEquals(
        Set.of(),
        new KubernetesComponents(client, changes).missing(EXPERIMENT, Set.of("prometheus")));
    assertEquals(
        before, server.getRequestCount(), "requests sent although the informers had every answer");
  }

  @Test
  void anUnsyncedCacheIsReadAfresh() {
    CrossplaneClusters clusters =
        new CrossplaneClusters(client, Placement.DEFAULT, changes); // informers not started
    clusters.create(EXPERIMENT, claim());

    assertEquals(Optional.empty(), changes.children(ClusterClaim.class, "tsdb"));
    assertEquals(Set.of("tsdb-app"), clusters.observe(EXPERIMENT).keySet());
  }

  @Test
  void aStaleMissLeadsToOneHarmlessRepeatedCreate() {
    CrossplaneClusters clusters = new CrossplaneClusters(client, Placement.DEFAULT, STALE);
    ArgoCdDeployments deployments = new ArgoCdDeployments(client, Placement.DEFAULT, STALE);
    ArgoWorkflows workflows = new ArgoWorkflows(client, Placement.DEFAULT, STALE);
    client.resource(Testing.gitComponent("prometheus")).create();

    for (int turn = 0; turn < 2; turn++) { // each turn sees nothing (stale) and creates again
      assertEquals(Map.of(), clusters.observe(EXPERIMENT));
      clusters.create(EXPERIMENT, claim());
      assertEquals(Map.of(), deployments.observe(EXPERIMENT));
      deployments.create(EXPERIMENT, application());
      assertEquals(WorkflowState.ABSENT, workflows.observe(EXPERIMENT, null).state());
      workflows.submit(EXPERIMENT, new SubmitWorkflow("tsdb", TEMPLATE, Map.of()));
    }

    assertEquals(
        1,
        client
            .resources(ClusterClaim.class)
            .inNamespace(Placement.DEFAULT.claims())
            .list()
            .getItems()
            .size());
    assertEquals(
        1,
        client
            .resources(Application.class)
            .inNamespace(Placement.DEFAULT.argocd())
            .list()
            .getItems()
            .size());
    assertEquals(
        1,
        client
            .resources(Workflow.class)
            .inNamespace(Placement.DEFAULT.workflows())
            .list()
            .getItems()
            .size());
  }

  @Test
  void whatTheCacheDoesNotKnowIsLookedUpAfreshBeforeItCountsAsMissing() {
    client.resource(Testing.gitComponent("prometheus")).create();
    createTemplate();

    assertEquals(
        Set.of("k6"),
        new KubernetesComponents(client, STALE).missing(EXPERIMENT, Set.of("prometheus", "k6")));
    ArgoWorkflows workflows = new ArgoWorkflows(client, Placement.DEFAULT, STALE);
    assertFalse(workflows.observe(EXPERIMENT, TEMPLATE).templateMissing());
    assertTrue(workflows.observe(EXPERIMENT, "no-such-template").templateMissing());
  }

  private static void await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the informers did not get the objects within 10 s");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static CreateClusterClaim claim() {
    ClusterSpec shape = new ClusterSpec();
    shape.setProvider(Provider.GKE);
    return new CreateClusterClaim("app", "tsdb-app", shape);
  }

  private static CreateApplication application() {
    return new CreateApplication(
        "app",
        "tsdb-prometheus",
        new ComponentRef("prometheus", null, null, null),
        "tsdb-app",
        "monitoring");
  }

  private void createTemplate() {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder()
            .withName(TEMPLATE)
            .withNamespace(Placement.DEFAULT.workflows())
            .build());
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
  }
}
