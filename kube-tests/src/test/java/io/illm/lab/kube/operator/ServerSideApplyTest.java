package io.illm.lab.kube.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.kube.AuditLog;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.OperatorRbac;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.adapters.crossplane.CrossplaneClusters;
import io.illm.lab.operator.adapters.kubernetes.KubernetesCalls;
import io.illm.lab.operator.children.ClaimShapes;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.ports.ExperimentId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Server-side apply and conflicts on a real API server: the ArgoCD cluster Secret (the one child
 * the operator rewrites) is applied by the lab's field manager and takes back a field another
 * manager changed; JOSDK adds the experiment's finalizer by server-side apply; and status patches,
 * guarded by the resourceVersion they were computed from, meet real 409s when someone else writes
 * the experiment meanwhile, and are retried to Complete.
 */
@ExtendWith(RealServer.class)
class ServerSideApplyTest {

  private static final String ACCOUNT = "ssa";
  private static RealLab lab;
  private static KubernetesClient operator;

  @BeforeAll
  static void start(ControlPlane plane) {
    lab = RealLab.start(plane, SimTimings.INSTANT);
    lab.startOperator(ACCOUNT, Optional.empty(), lab.options());
    operator = plane.asServiceAccount(OperatorRbac.NAMESPACE, OperatorRbac.account(ACCOUNT));
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      operator.close();
      lab.close();
    }
  }

  @Test
  void theClusterSecretIsAppliedByTheLabsFieldManagerAndTakesBackAChangedField() {
    String claim = "ssa-app";
    connectionSecret(claim);
    CrossplaneClusters clusters = new CrossplaneClusters(operator, RealLab.PLACEMENT);
    RegisterCluster register = new RegisterCluster("app", claim, "34.1.2.3");
    ExperimentId experiment = new ExperimentId(RealLab.NAMESPACE, "ssa");
    clusters.register(experiment, register);
    assertTrue(
        managers(clusterSecret(claim)).contains(KubernetesCalls.FIELD_MANAGER + "/Apply"),
        "managers: " + managers(clusterSecret(claim)));

    Secret changed = clusterSecret(claim);
    changed.getMetadata().setManagedFields(null);
    changed.getMetadata().setResourceVersion(null);
    changed.setData(Map.of("server", base64("https://elsewhere.invalid")));
    lab.admin().resource(changed).fieldManager("someone-else").forceConflicts().serverSideApply();
    assertEquals("https://elsewhere.invalid", server(claim));

    clusters.register(experiment, register);
    assertEquals("https://34.1.2.3", server(claim), "the operator's apply takes its field back");
  }

  @Test
  void josdkAddsTheFinalizerByServerSideApply() {
    String name = "ssa-finalizer";
    lab.create("hello-app", name);
    lab.awaitStatus(name, s -> s.getPhase() != null, Duration.ofSeconds(30));
    List<String> managers = managers(lab.experiment(name));
    assertTrue(
        managers.stream().anyMatch(m -> m.endsWith("/Apply")),
        "the finalizer was applied: " + managers);
    lab.deleteAndAwaitGone(name, Duration.ofSeconds(60));
  }

  @Test
  void statusPatchesMeetRealConflictsAndAreRetried() throws Exception {
    String name = "ssa-conflicts";
    lab.create("hello-app", name);
    AtomicBoolean writing = new AtomicBoolean(true);
    Thread someoneElse = new Thread(() -> annotateUntil(name, writing), "someone-else");
    someoneElse.start();
    try {
      var status =
          lab.awaitStatus(
              name, s -> Boolean.TRUE.equals(s.getResourcesCleaned()), Duration.ofSeconds(90));
      assertEquals(Phase.COMPLETE, status.getPhase());
    } finally {
      writing.set(false);
      someoneElse.join();
    }
    List<AuditLog.Request> conflicts =
        new AuditLog(lab.plane().auditLog())
            .of("system:serviceaccount:illm-lab-system:" + OperatorRbac.account(ACCOUNT)).stream()
                .filter(r -> r.code() == 409 && r.resource().startsWith("experiments/status"))
                .toList();
    assertTrue(!conflicts.isEmpty(), "no status patch met a conflict");
    lab.deleteAndAwaitGone(name, Duration.ofSeconds(60));
  }

  /** Another writer: a new annotation on the experiment every 100 ms. */
  private static void annotateUntil(String name, AtomicBoolean writing) {
    int n = 0;
    while (writing.get()) {
      int count = n++;
      try {
        lab.admin()
            .resources(Experiment.class)
            .inNamespace(RealLab.NAMESPACE)
            .withName(name)
            .edit(
                e -> {
                  e.getMetadata()
                      .getAnnotations()
                      .put("someone-else/count", Integer.toString(count));
                  return e;
                });
      } catch (RuntimeException e) {
        // a conflict of our own, or the experiment gone: the next round tries again
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void connectionSecret(String claim) {
    lab.admin()
        .secrets()
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName(ClaimShapes.connectionSecret(claim))
                .withNamespace(RealLab.PLACEMENT.claims())
                .endMetadata()
                .withStringData(
                    Map.of(
                        CrossplaneClusters.KUBECONFIG_KEY,
                        """
                        apiVersion: v1
                        kind: Config
                        clusters: [{name: c, cluster: {server: "https://34.1.2.3"}}]
                        users: [{name: u, user: {token: t}}]
                        contexts: [{name: x, context: {cluster: c, user: u}}]
                        current-context: x
                        """))
                .build())
        .createOr(NonDeletingOperation::update);
  }

  private static Secret clusterSecret(String claim) {
    return lab.admin()
        .secrets()
        .inNamespace(RealLab.PLACEMENT.argocd())
        .withName(ExperimentNames.clusterSecretName(claim))
        .get();
  }

  private static String server(String claim) {
    return new String(
        Base64.getDecoder().decode(clusterSecret(claim).getData().get("server")),
        StandardCharsets.UTF_8);
  }

  private static List<String> managers(io.fabric8.kubernetes.api.model.HasMetadata object) {
    return object.getMetadata().getManagedFields().stream()
        .map((ManagedFieldsEntry m) -> m.getManager() + "/" + m.getOperation())
        .toList();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
