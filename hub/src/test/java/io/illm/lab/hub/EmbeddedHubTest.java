package io.illm.lab.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.controllers.SimControllers;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.engine.Experiments;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded hub as {@code ./lab run} uses it: the real JOSDK operator on the Kubernetes ports,
 * the simulated Crossplane, ArgoCD and Argo Workflows acting on the child objects, all in the
 * fabric8 mock API server (CRUD mode; not a kube-apiserver). A test-side informer per child kind
 * records what existed.
 */
class EmbeddedHubTest {

  private static final Duration PATIENCE = Duration.ofSeconds(20);
  private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
  private static final String NS = EmbeddedHub.NAMESPACE;

  private EmbeddedHub hub;
  private SimClock clock;
  private final Map<String, Set<String>> added = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> deleted = new ConcurrentHashMap<>();
  private final Set<String> unmarked = ConcurrentHashMap.newKeySet();
  private final List<SharedIndexInformer<?>> recorders = new ArrayList<>();

  @BeforeEach
  void startHub() {
    hub = EmbeddedHub.start(Path.of(".."));
    hub.publish(List.of(component("prometheus"), component("k6")));
    hub.simulateWorkflowTemplate("load-test");
    record(
        hub.client()
            .resources(ClusterClaim.class)
            .inNamespace("experiments")
            .inform(recorder("claim")));
    record(hub.client().resources(Application.class).inNamespace("argocd").inform(recorder("app")));
    record(
        hub.client()
            .resources(Workflow.class)
            .inNamespace("argo-workflows")
            .inform(recorder("workflow")));
    record(hub.client().secrets().inNamespace("argocd").inform(recorder("secret")));
  }

  @AfterEach
  void stopHub() {
    recorders.forEach(SharedIndexInformer::close);
    hub.close();
  }

  @Test
  void anExperimentRunsToCompleteOnRealChildrenAndLeavesNothingWhenDeleted() {
    start(SimTimings.INSTANT);
    create(experiment("hello"));

    ExperimentStatus status =
        awaitStatus("hello", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    assertEquals(Phase.COMPLETE, status.getPhase());
    assertEquals(Boolean.TRUE, status.getSimulated(), "metrics and results are simulated");
    assertEquals(Set.of(ExperimentNames.clusterName("hello", "app")), added("claim"));
    assertEquals(
        Set.of(
            ExperimentNames.applicationName("hello", "app", "prometheus"),
            ExperimentNames.applicationName("hello", "load", "k6")),
        added("app"));
    assertEquals(Set.of(ExperimentNames.workflowName("hello")), added("workflow"));
    assertEquals(Set.of("cluster-" + ExperimentNames.clusterName("hello", "app")), added("secret"));
    await(
        "every child deleted",
        () ->
            deleted("claim").equals(added("claim"))
                && deleted("app").equals(added("app"))
                && deleted("workflow").equals(added("workflow"))
                && deleted("secret").equals(added("secret")));
    assertEquals(Set.of(), unmarked, "children the simulated controllers did not mark simulated");
    assertEquals(
        null,
        hub.client()
            .secrets()
            .inNamespace("experiments")
            .withName(ClaimShapes.connectionSecret(ExperimentNames.clusterName("hello", "app")))
            .get(),
        "the connection secret goes with its claim");
    assertTrue(
        experiment()
            .withName("hello")
            .get()
            .getMetadata()
            .getFinalizers()
            .contains(Engine.FINALIZER));

    experiment().withName("hello").delete();
    await("the experiment is gone", () -> experiment().withName("hello").get() == null);
  }

  @Test
  void aFailingClusterEndsFailedAndIsCleanedUp() {
    start(SimTimings.INSTANT);
    hub.controllers()
        .crossplane()
        .fail(ExperimentNames.clusterName("broken", "app"), "quota exceeded");
    create(experiment("broken"));

    ExperimentStatus status =
        awaitStatus("broken", s -> Boolean.TRUE.equals(s.getResourcesCleaned()));

    assertEquals(Phase.FAILED, status.getPhase());
    Condition degraded =
        status.getConditions().stream()
            .filter(c -> "Degraded".equals(c.getType()))
            .findFirst()
            .orElseThrow();
    assertEquals("ClusterFailed", degraded.getReason());
    assertTrue(degraded.getMessage().contains("simulated: quota exceeded"), degraded.getMessage());
    assertEquals(Set.of(ExperimentNames.clusterName("broken", "app")), added("claim"));
    assertEquals(Set.of(), added("app"), "nothing is deployed on a failed cluster");
    assertEquals(
        List.of(),
        hub.client().resources(ClusterClaim.class).inNamespace("experiments").list().getItems(),
        "no leaked claim");
  }

  @Test
  void deletingARunningExperimentRemovesTheFinalizerOnlyAfterEveryChildIsGone() {
    SimTimings i = SimTimings.INSTANT;
    Duration clusterGone = Duration.ofMinutes(4);
    start(
        new SimTimings(
            i.clusterReady(),
            clusterGone,
            i.appHealthy(),
            i.appGone(),
            i.workflowStart(),
            Duration.ofHours(1),
            i.workflowGone(),
            i.metrics(),
            i.results()));
    create(experiment("busy"));
    awaitStatus(
        "busy",
        s ->
            s.getPhase() == Phase.RUNNING
                && s.getWorkflowStatus() != null
                && "Running".equals(s.getWorkflowStatus().getPhase()));

    experiment().withName("busy").delete();
    await(
        "the claim is deleting",
        () -> {
          ClusterClaim claim =
              hub.client()
                  .resources(ClusterClaim.class)
                  .inNamespace("experiments")
                  .withName(ExperimentNames.clusterName("busy", "app"))
                  .get();
          return claim != null && claim.getMetadata().getDeletionTimestamp() != null;
        });
    await(
        "applications and workflow gone",
        () -> deleted("app").size() == 2 && deleted("workflow").size() == 1);
    assertTrue(
        experiment()
            .withName("busy")
            .get()
            .getMetadata()
            .getFinalizers()
            .contains(Engine.FINALIZER),
        "the finalizer stays while the claim is deleting");

    // SimCrossplane schedules the deletion when its informer sees it, which may be a moment later
    await(
        "the experiment is gone",
        () -> {
          clock.advance(clusterGone);
          return experiment().withName("busy").get() == null;
        });
    assertEquals(added("claim"), deleted("claim"));
    assertEquals(
        List.of(),
        hub.client().resources(ClusterClaim.class).inNamespace("experiments").list().getItems());
  }

  /**
   * The simulated clock stands still and JOSDK's backstop is the provisioning deadline (real
   * minutes away): only the claim's informer event can move the experiment on in time.
   */
  @Test
  void aChildStatusChangeReachesTheExperimentThroughTheInformer() {
    SimTimings i = SimTimings.INSTANT;
    Duration provisioning = Duration.ofMinutes(10);
    start(
        new SimTimings(
            provisioning,
            i.clusterGone(),
            i.appHealthy(),
            i.appGone(),
            i.workflowStart(),
            i.workflowRun(),
            i.workflowGone(),
            i.metrics(),
            i.results()));
    create(experiment("quick"));
    awaitStatus("quick", s -> s.getPhase() == Phase.PROVISIONING);
    await(
        "SimCrossplane adopted the claim",
        () -> {
          ClusterClaim claim =
              hub.client()
                  .resources(ClusterClaim.class)
                  .inNamespace("experiments")
                  .withName(ExperimentNames.clusterName("quick", "app"))
                  .get();
          return claim != null
              && claim.getStatus() != null
              && claim.getMetadata().getAnnotations() != null
              && claim.getMetadata().getAnnotations().containsKey(SimControllers.ANNOTATION);
        });

    clock.advance(provisioning); // SimCrossplane writes Ready on the claim

    assertEquals(
        Phase.COMPLETE, awaitStatus("quick", s -> s.getPhase() == Phase.COMPLETE).getPhase());
  }

  private void start(SimTimings timings) {
    clock = SimClock.manual(T0);
    hub.startOperator(clock, timings, 1);
  }

  private static Experiment experiment(String name) {
    Experiment experiment = Experiments.twoTargets(name);
    experiment.getMetadata().setNamespace(NS);
    return experiment;
  }

  private void create(Experiment experiment) {
    hub.client().resource(experiment).create();
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          Experiment,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<Experiment>,
          io.fabric8.kubernetes.client.dsl.Resource<Experiment>>
      experiment() {
    return hub.client().resources(Experiment.class).inNamespace(NS);
  }

  private ExperimentStatus awaitStatus(String name, Predicate<ExperimentStatus> done) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      Experiment e = experiment().withName(name).get();
      ExperimentStatus status = e == null ? null : e.getStatus();
      if (status != null && done.test(status)) {
        return status;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError(
            "waited " + PATIENCE.toSeconds() + " s for " + name + "; last status: " + status);
      }
      pause();
    }
  }

  private static void await(String what, Supplier<Boolean> done) {
    long until = System.nanoTime() + PATIENCE.toNanos();
    while (!done.get()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("waited " + PATIENCE.toSeconds() + " s for " + what);
      }
      pause();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private Set<String> added(String kind) {
    return new TreeSet<>(added.getOrDefault(kind, Set.of()));
  }

  private Set<String> deleted(String kind) {
    return new TreeSet<>(deleted.getOrDefault(kind, Set.of()));
  }

  private void record(SharedIndexInformer<?> informer) {
    recorders.add(informer);
  }

  /**
   * Records additions and deletions; a claim, Application or Workflow must be marked simulated once
   * acted on.
   */
  private <T extends HasMetadata> ResourceEventHandler<T> recorder(String kind) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        added
            .computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet())
            .add(object.getMetadata().getName());
      }

      @Override
      public void onUpdate(T before, T after) {
        Map<String, String> annotations = after.getMetadata().getAnnotations();
        boolean marked =
            annotations != null && "true".equals(annotations.get(SimControllers.ANNOTATION));
        if (!kind.equals("secret") && !marked) {
          unmarked.add(kind + "/" + after.getMetadata().getName());
        } else {
          unmarked.remove(kind + "/" + after.getMetadata().getName());
        }
      }

      @Override
      public void onDelete(T object, boolean finalStateUnknown) {
        deleted
            .computeIfAbsent(kind, k -> ConcurrentHashMap.newKeySet())
            .add(object.getMetadata().getName());
      }
    };
  }

  private static Component component(String name) {
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
    return component;
  }
}
