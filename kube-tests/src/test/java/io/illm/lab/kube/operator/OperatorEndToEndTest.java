package io.illm.lab.kube.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JOSDK operator, the engine and the Kubernetes adapters against a real kube-apiserver, as the
 * operator's ServiceAccount under the RBAC authorizer, with server-side apply on; Crossplane,
 * ArgoCD and Argo Workflows simulated on the real child objects (typical timings 300 times faster),
 * a simulated Prometheus, results in a folder.
 */
@ExtendWith(RealServer.class)
class OperatorEndToEndTest {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static RealLab lab;

  @BeforeAll
  static void start(ControlPlane plane) {
    lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, 300));
    lab.startOperator("e2e", Optional.empty(), lab.options());
  }

  @AfterAll
  static void stop() {
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void helloAppCompletesStoresOneRunAndLeavesNothing() {
    runToCompleteAndDelete("hello-app", "e2e-hello");
  }

  @Test
  void tsdbComparisonCompletesStoresOneRunAndLeavesNothing() {
    runToCompleteAndDelete("tsdb-comparison", "e2e-tsdb");
  }

  @Test
  void anExperimentDeletedWhileRunningKeepsItsFinalizerUntilItsChildrenAreGone() {
    String name = "e2e-deleted";
    lab.create("hello-app", name);
    RealLab.await(
        name + " has a claim",
        () -> lab.children(name).stream().anyMatch(c -> c.startsWith("ClusterClaim")),
        PATIENCE,
        () -> "children: " + lab.children(name));
    lab.admin().resource(lab.experiment(name)).delete();
    List<String> seenWhileDeleting = new ArrayList<>();
    RealLab.await(
        name + " gone",
        () -> {
          List<String> children = lab.children(name);
          Experiment experiment = lab.experiment(name);
          if (experiment == null) {
            assertEquals(List.of(), children, "the finalizer went before the children");
            return true;
          }
          assertTrue(
              experiment.getMetadata().getFinalizers().contains(Engine.FINALIZER),
              "the finalizer is held while deleting");
          seenWhileDeleting.addAll(children);
          return false;
        },
        PATIENCE,
        () -> "children: " + lab.children(name));
    assertTrue(
        seenWhileDeleting.stream().anyMatch(c -> c.startsWith("ClusterClaim")),
        "the experiment waited for its claim: " + seenWhileDeleting);
  }

  private static void runToCompleteAndDelete(String file, String name) {
    lab.create(file, name);
    ExperimentStatus status =
        lab.awaitStatus(name, s -> Boolean.TRUE.equals(s.getResourcesCleaned()), PATIENCE);
    assertEquals(Phase.COMPLETE, status.getPhase(), status.toString());
    assertEquals(Boolean.TRUE, status.getSimulated(), "the clouds and Prometheus are simulated");
    assertNotNull(status.getHypothesisResult(), "a verdict");
    assertEquals(List.of(), lab.children(name), "every child deleted once Complete");
    assertEquals(1, lab.runs(name).size(), "one run stored: " + lab.runs(name));
    assertTrue(
        lab.experiment(name).getMetadata().getFinalizers().contains(Engine.FINALIZER),
        "the finalizer stays until the experiment is deleted");
    lab.deleteAndAwaitGone(name, PATIENCE);
    assertEquals(1, lab.runs(name).size(), "still one run after deletion");
  }
}
