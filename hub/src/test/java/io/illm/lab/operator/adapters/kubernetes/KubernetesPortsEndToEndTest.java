package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.hub.sim.SimWorld;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentRef;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.model.Target;
import io.illm.lab.operator.adapters.argocd.ArgoCdDeployments;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationStatus;
import io.illm.lab.operator.children.argocd.applicationstatus.Health;
import io.illm.lab.operator.children.argocd.applicationstatus.Sync;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.argoworkflows.WorkflowStatus;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.children.crossplane.clusterclaimstatus.Conditions;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Engine.Outcome;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.operator.lifecycle.Layers;
import io.illm.lab.operator.ports.Ports;
import io.illm.lab.rules.ComponentRefs;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine on the three Kubernetes ports (the rest simulated) against the fabric8 mock API server
 * in CRUD mode, with the test playing Crossplane, ArgoCD and Argo Workflows between turns.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesPortsEndToEndTest {

  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final String KUBECONFIG =
      """
      current-context: c
      contexts: [{name: c, context: {cluster: k, user: u}}]
      clusters: [{name: k, cluster: {server: "https://1.2.3.4", certificate-authority-data: Q0E=}}]
      users: [{name: u, user: {token: t}}]
      """;

  KubernetesClient client;
  private final SimWorld world = new SimWorld(SimClock.manual(T0), SimTimings.INSTANT);
  private Engine engine;

  @BeforeEach
  void wire() {
    ChildCrds.apply(client);
    Ports sim = world.ports();
    engine =
        new Engine(
            new Ports(
                new CrossplaneClusters(client, Placement.DEFAULT),
                new ArgoCdDeployments(client, Placement.DEFAULT),
                new ArgoWorkflows(client, Placement.DEFAULT),
                sim.metrics(),
                sim.results(),
                sim.events(),
                sim.components(),
                sim.changes()),
            world.clock);
  }

  @Test
  void aHelloAppExperimentReachesCompleteAndCleanupDeletesEveryChild() {
    Experiment experiment = Experiments.twoTargets("hello");
    experiment.getMetadata().setGeneration(1L);
    experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
    catalogue(experiment);
    workflowTemplate(experiment.getSpec().getWorkflow().getTemplate());

    List<Phase> phases = new ArrayList<>();
    boolean sawEveryChild = false;
    for (int i = 0;
        i < 200
            && !Boolean.TRUE.equals(
                experiment.getStatus() == null
                    ? null
                    : experiment.getStatus().getResourcesCleaned());
        i++) {
      Outcome outcome = engine.turn(experiment, experiment::setStatus);
      assertEquals(List.of(), outcome.failures(), "turn " + i);
      Phase phase = outcome.status().getPhase();
      if (phases.isEmpty() || phases.get(phases.size() - 1) != phase) {
        phases.add(phase);
      }
      sawEveryChild |=
          claims().size() == 1 && applications().size() >= 2 && workflows().size() == 1;
      playControllers();
      Duration next = outcome.lookAgainIn().orElse(Duration.ofMinutes(1));
      world.clock.advance(next.compareTo(Duration.ofMinutes(1)) < 0 ? next : Duration.ofMinutes(1));
    }

    assertEquals(List.of(Phase.PROVISIONING, Phase.READY, Phase.RUNNING, Phase.COMPLETE), phases);
    assertTrue(sawEveryChild, "never saw the claim, both Applications and the Workflow at once");
    assertEquals(
        Boolean.TRUE,
        experiment.getStatus().getResourcesCleaned(),
        experiment.getStatus().toString());
    assertEquals(List.of(), claims());
    assertEquals(List.of(), applications());
    assertEquals(List.of(), workflows());
    assertEquals(List.of(), client.secrets().inNamespace("argocd").list().getItems());
  }

  /**
   * Crossplane, ArgoCD and Argo Workflows, done instantly: everything becomes ready, deletions
   * finish.
   */
  private void playControllers() {
    for (ClusterClaim claim : claims()) {
      if (claim.getStatus() == null) {
        writeConnectionSecret(claim.getMetadata().getName());
        ClusterClaimStatus status = new ClusterClaimStatus();
        status.setEndpoint("34.0.0.1");
        status.setConditions(List.of(condition("Synced"), condition("Ready")));
        claim.setStatus(status);
        client.resource(claim).updateStatus();
      }
    }
    for (Application app : applications()) {
      if (app.getMetadata().getDeletionTimestamp() != null) {
        app.getMetadata().setFinalizers(List.of()); // the workloads are gone
      } else {
        ApplicationStatus status = new ApplicationStatus();
        Health health = new Health();
        health.setStatus("Healthy");
        status.setHealth(health);
        Sync sync = new Sync();
        sync.setStatus("Synced");
        status.setSync(sync);
        app.setStatus(status);
      }
      client.resource(app).update();
    }
    for (Workflow workflow : workflows()) {
      if (workflow.getStatus() == null) {
        WorkflowStatus status = new WorkflowStatus();
        status.setPhase("Succeeded");
        status.setStartedAt(world.clock.instant().toString());
        status.setFinishedAt(world.clock.instant().toString());
        workflow.setStatus(status);
        client.resource(workflow).update();
      }
    }
  }

  private void catalogue(Experiment experiment) {
    TreeSet<String> names = new TreeSet<>();
    for (Target target : experiment.getSpec().getTargets()) {
      for (ComponentRef ref : Layers.all(experiment.getMetadata().getName(), target)) {
        names.add(ComponentRefs.name(ref));
      }
    }
    for (String name : names) {
      Component component = new Component();
      component.setMetadata(new ObjectMetaBuilder().withName(name).build());
      component.setSpec(
          new ComponentSpec(
              null,
              null,
              null,
              new ArrayList<>(
                  List.of(
                      new ComponentSource(
                          "https://example.invalid/lab.git",
                          "main",
                          "apps/" + name,
                          null,
                          null,
                          null))),
              null,
              null));
      client.resource(component).create();
    }
  }

  private void workflowTemplate(String name) {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace("argo-workflows").build());
    client.genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES).resource(template).create();
  }

  private void writeConnectionSecret(String claim) {
    client
        .resource(
            new SecretBuilder()
                .withMetadata(
                    new ObjectMetaBuilder()
                        .withName(ClaimShapes.connectionSecret(claim))
                        .withNamespace("experiments")
                        .build())
                .withData(
                    Map.of(
                        "kubeconfig",
                        Base64.getEncoder()
                            .encodeToString(KUBECONFIG.getBytes(StandardCharsets.UTF_8))))
                .build())
        .createOr(s -> s.update());
  }

  private static Conditions condition(String type) {
    Conditions condition = new Conditions();
    condition.setType(type);
    condition.setStatus("True");
    return condition;
  }

  private List<ClusterClaim> claims() {
    return client.resources(ClusterClaim.class).inNamespace("experiments").list().getItems();
  }

  private List<Application> applications() {
    return client.resources(Application.class).inNamespace("argocd").list().getItems();
  }

  private List<Workflow> workflows() {
    return client.resources(Workflow.class).inNamespace("argo-workflows").list().getItems();
  }
}
