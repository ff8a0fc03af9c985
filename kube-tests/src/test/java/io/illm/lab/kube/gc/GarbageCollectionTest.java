package io.illm.lab.kube.gc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.validate.LabCheckout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Deletion with kube-controller-manager running (the garbage collector and the namespace
 * controller), as on a cluster: children carry no owner references, so nothing of theirs is
 * collected behind the operator's back; the experiment's finalizer holds it, whatever the
 * propagation policy or a namespace deletion, until the operator has seen every child gone; and an
 * owner reference someone else hangs on an experiment is honoured once it is gone.
 */
@ExtendWith(RealServer.class)
class GarbageCollectionTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static RealLab lab;

  @BeforeAll
  static void start(ControlPlane plane) {
    lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, 300));
    lab.startOperator("gc", Optional.empty(), lab.options());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void childrenCarryNoOwnerReferences() {
    String name = "gc-owners";
    lab.create("tsdb-comparison", name);
    RealLab.await(
        name + " has Applications",
        () -> lab.children(name).stream().anyMatch(c -> c.startsWith("Application")),
        PATIENCE,
        () -> "children: " + lab.children(name));
    List<HasMetadata> children = children(name);
    assertTrue(children.size() >= 3, "claims, Secrets and Applications: " + lab.children(name));
    for (HasMetadata child : children) {
      assertEquals(
          List.of(),
          child.getMetadata().getOwnerReferences(),
          child.getKind() + " " + child.getMetadata().getName() + " has owner references");
    }
    lab.deleteAndAwaitGone(name, PATIENCE);
  }

  @Test
  void foregroundDeletionStillWaitsForTheOperatorToSeeEveryChildGone() {
    String name = "gc-foreground";
    lab.create("hello-app", name);
    awaitClaim(name);
    Set<String> finalizersSeen = ConcurrentHashMap.newKeySet();
    try (var recorder =
        lab.admin()
            .resources(Experiment.class)
            .inNamespace(RealLab.NAMESPACE)
            .withName(name)
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(Experiment e) {
                    finalizersSeen.addAll(e.getMetadata().getFinalizers());
                  }

                  @Override
                  public void onUpdate(Experiment before, Experiment after) {
                    finalizersSeen.addAll(after.getMetadata().getFinalizers());
                  }

                  @Override
                  public void onDelete(Experiment e, boolean unknown) {}
                })) {
      lab.admin()
          .resources(Experiment.class)
          .inNamespace(RealLab.NAMESPACE)
          .withName(name)
          .withPropagationPolicy(DeletionPropagation.FOREGROUND)
          .delete();
      awaitGoneAfterChildren(RealLab.NAMESPACE, name);
      assertTrue(recorder.hasSynced(), "the recorder saw the experiment");
    }
    assertTrue(finalizersSeen.contains("foregroundDeletion"), "finalizers seen: " + finalizersSeen);
    assertTrue(finalizersSeen.contains(Engine.FINALIZER), "finalizers seen: " + finalizersSeen);
  }

  @Test
  void deletingTheExperimentsNamespaceCleansUpItsChildrenInOtherNamespaces() {
    String namespace = "gc-team";
    String name = "gc-namespace";
    lab.plane().namespaces(namespace);
    Experiment experiment =
        LabCheckout.experiment(KubeBinaries.ROOT.resolve("experiments/hello-app/experiment.yaml"));
    experiment.getMetadata().setName(name);
    experiment.getMetadata().setNamespace(namespace);
    lab.admin().resource(experiment).create();
    awaitClaim(name);
    lab.admin().namespaces().withName(namespace).delete();
    awaitGoneAfterChildren(namespace, name);
    RealLab.await(
        "namespace " + namespace + " gone",
        () -> lab.admin().namespaces().withName(namespace).get() == null,
        PATIENCE,
        () -> "the namespace controller did not finish");
  }

  @Test
  void anOwnerReferenceToAnExperimentIsHonouredOnceItIsGone() {
    String name = "gc-owned";
    Experiment experiment = lab.create("hello-app", name);
    var owned =
        lab.admin()
            .configMaps()
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName(name + "-notes")
                    .withNamespace(RealLab.NAMESPACE)
                    .withOwnerReferences(
                        new OwnerReferenceBuilder()
                            .withApiVersion(Experiment.API_VERSION)
                            .withKind(Experiment.KIND)
                            .withName(name)
                            .withUid(experiment.getMetadata().getUid())
                            .build())
                    .endMetadata()
                    .addToData("note", "goes with its experiment")
                    .build())
            .create();
    lab.deleteAndAwaitGone(name, PATIENCE);
    RealLab.await(
        "the owned ConfigMap collected",
        () ->
            lab.admin()
                    .configMaps()
                    .inNamespace(RealLab.NAMESPACE)
                    .withName(owned.getMetadata().getName())
                    .get()
                == null,
        PATIENCE,
        () -> "the garbage collector did not collect it");
  }

  private static void awaitClaim(String name) {
    RealLab.await(
        name + " has a claim",
        () -> lab.children(name).stream().anyMatch(c -> c.startsWith("ClusterClaim")),
        PATIENCE,
        () -> "children: " + lab.children(name));
  }

  /**
   * Waits until the experiment is gone, then checks that no child outlived it. The children are
   * listed after the experiment is seen gone, never before: a child deleted between the two reads
   * would otherwise look like one the experiment left behind.
   */
  private static void awaitGoneAfterChildren(String namespace, String name) {
    RealLab.await(
        name + " gone",
        () -> {
          Experiment experiment =
              lab.admin().resources(Experiment.class).inNamespace(namespace).withName(name).get();
          if (experiment == null) {
            assertEquals(List.of(), lab.children(name), "the experiment went before its children");
            return true;
          }
          return false;
        },
        PATIENCE,
        () -> "children: " + lab.children(name));
  }

  private static List<HasMetadata> children(String name) {
    var labels = ChildLabels.of(name);
    List<HasMetadata> found = new ArrayList<>();
    found.addAll(
        lab.admin()
            .resources(ClusterClaim.class)
            .inNamespace(RealLab.PLACEMENT.claims())
            .withLabels(labels)
            .list()
            .getItems());
    found.addAll(
        lab.admin()
            .secrets()
            .inNamespace(RealLab.PLACEMENT.argocd())
            .withLabels(labels)
            .list()
            .getItems());
    found.addAll(
        lab.admin()
            .resources(Application.class)
            .inNamespace(RealLab.PLACEMENT.argocd())
            .withLabels(labels)
            .list()
            .getItems());
    found.addAll(
        lab.admin()
            .resources(Workflow.class)
            .inNamespace(RealLab.PLACEMENT.workflows())
            .withLabels(labels)
            .list()
            .getItems());
    return found;
  }
}
