package io.illm.lab.operator.adapters.kubernetes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.Experiment;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.children.crossplane.ClusterClaimStatus;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.testing.Testing;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The children's informers on the fabric8 mock API server (CRUD mode): which experiment an added,
 * changed or deleted child announces, and which changes announce nothing. Informers deliver the
 * events of one kind in order, so "nothing announced" is checked by a later change that is.
 */
@EnableKubernetesMockClient(crud = true)
class KubernetesChangesTest {

  KubernetesClient client;
  private KubernetesChanges changes;
  private final BlockingQueue<ExperimentId> announced = new LinkedBlockingQueue<>();

  @BeforeEach
  void start() throws Exception {
    ChildCrds.apply(client);
    try (InputStream crd =
        new FileInputStream(
            Path.of("../generated-crds/experiments.experiments.illm.io.yaml").toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    client.resource(Testing.twoTargetExperiment("hello")).create(); // namespace lab
    changes = new KubernetesChanges(client, Placement.DEFAULT);
    changes.subscribe(announced::add);
    changes.start();
  }

  @AfterEach
  void stop() {
    changes.close();
  }

  @Test
  void aClaimAnnouncesItsExperimentWithTheExperimentsNamespace() throws Exception {
    client.resource(claim("hello-app", "hello")).create();

    assertEquals(new ExperimentId(Testing.NAMESPACE, "hello"), next());
  }

  @Test
  void aStatusChangeAnnouncesAndAFinalizerEditDoesNot() throws Exception {
    client.resource(claim("hello-app", "hello")).create();
    next();

    claims()
        .withName("hello-app")
        .edit(
            c -> {
              c.getMetadata().setFinalizers(List.of("finalizer.apiextensions.crossplane.io"));
              return c;
            });
    claims()
        .withName("hello-app")
        .editStatus(
            c -> {
              ClusterClaimStatus status = new ClusterClaimStatus();
              status.setEndpoint("1.2.3.4");
              c.setStatus(status);
              return c;
            });

    assertEquals(new ExperimentId(Testing.NAMESPACE, "hello"), next(), "the status change");
    assertNull(announced.poll(), "the finalizer edit announced too");
  }

  @Test
  void aDeletedChildAnnounces() throws Exception {
    client.resource(claim("hello-app", "hello")).create();
    next();

    claims().withName("hello-app").delete();

    assertEquals(new ExperimentId(Testing.NAMESPACE, "hello"), next());
  }

  @Test
  void aChildOfNoKnownExperimentAnnouncesNothing() throws Exception {
    client.resource(claim("ghost-app", "ghost")).create();
    client.resource(claim("hello-app", "hello")).create();

    assertEquals(new ExperimentId(Testing.NAMESPACE, "hello"), next());
    assertNull(announced.poll(), "a claim of no experiment announced");
  }

  @Test
  void anArgoCdClusterSecretAnnounces() throws Exception {
    Map<String, String> labels = ChildLabels.of("hello", "app");
    labels.put(ApplicationShapes.SECRET_TYPE, "cluster");
    Secret secret =
        new SecretBuilder()
            .withMetadata(
                new ObjectMetaBuilder()
                    .withName("cluster-hello-app")
                    .withNamespace(Placement.DEFAULT.argocd())
                    .withLabels(labels)
                    .build())
            .build();
    client.resource(secret).create();

    assertEquals(new ExperimentId(Testing.NAMESPACE, "hello"), next());
  }

  /**
   * The race behind the stalls of the operator benchmark (ADR-012): fabric8 updates an object's
   * index entries by removing them and adding them back, and its index reads take no lock, so an
   * announcement made while its experiment was being updated found no experiment and was lost, and
   * a reconcile reading its children while one changed found it missing. Here the experiment and
   * its claim change at the same time, over and over: every claim change must announce, and the
   * claim must always be found.
   */
  @Test
  void noAnnouncementIsLostAndNoChildIsMissedWhileTheyChange() throws Exception {
    client.resource(claim("hello-app", "hello")).create();
    next();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger missed = new AtomicInteger();
    Thread experimentChanges =
        new Thread(
            () -> {
              for (int i = 0; !done.get(); i++) {
                client
                    .resources(Experiment.class)
                    .inNamespace(Testing.NAMESPACE)
                    .withName("hello")
                    .patch(
                        PatchContext.of(PatchType.JSON_MERGE),
                        "{\"metadata\":{\"annotations\":{\"n\":\"" + i + "\"}}}");
              }
            });
    Thread reads =
        new Thread(
            () -> {
              while (!done.get()) {
                if (changes
                    .children(ClusterClaim.class, "hello")
                    .map(List::isEmpty)
                    .orElse(false)) {
                  missed.incrementAndGet();
                }
              }
            });
    experimentChanges.start();
    reads.start();
    int claimChanges = 0;
    try {
      for (long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
          System.nanoTime() < end;
          claimChanges++) {
        claims()
            .withName("hello-app")
            .subresource("status")
            .patch(
                PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"endpoint\":\"10.0.0." + claimChanges + "\"}}");
      }
      int announcements = 0;
      while (announcements < claimChanges && announced.poll(2, TimeUnit.SECONDS) != null) {
        announcements++;
      }
      assertEquals(claimChanges, announcements, "claim changes announced");
    } finally {
      done.set(true);
      experimentChanges.join();
      reads.join();
    }
    assertEquals(0, missed.get(), "reads of the experiment's children that found none");
  }

  private ExperimentId next() throws InterruptedException {
    ExperimentId id = announced.poll(10, TimeUnit.SECONDS);
    if (id == null) {
      throw new AssertionError("nothing announced within 10 s");
    }
    return id;
  }

  private io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<
          ClusterClaim,
          io.fabric8.kubernetes.api.model.KubernetesResourceList<ClusterClaim>,
          io.fabric8.kubernetes.client.dsl.Resource<ClusterClaim>>
      claims() {
    return client.resources(ClusterClaim.class).inNamespace(Placement.DEFAULT.claims());
  }

  private static ClusterClaim claim(String name, String experiment) {
    ClusterClaim claim = new ClusterClaim();
    claim.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(Placement.DEFAULT.claims())
            .withLabels(ChildLabels.of(experiment, "app"))
            .build());
    return claim;
  }
}
