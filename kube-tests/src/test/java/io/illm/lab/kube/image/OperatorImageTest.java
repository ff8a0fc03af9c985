package io.illm.lab.kube.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.image.ContainerStats;
import io.illm.lab.image.Podman;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.OperatorContainer;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's image, as built by the image module, loaded into podman and run as its Deployment
 * runs it (read-only root filesystem, no capabilities, user nonroot, within 500m CPU and 128 MiB,
 * the JVM options the image sets) against the real API server, as its ServiceAccount with a real
 * token under the shipped RBAC; the clouds simulated in this JVM. It drives hello-app to Complete
 * and stores its run in the mounted results folder. Skipped with one line without podman, the
 * control-plane binaries or the built image.
 */
@ExtendWith(RealServer.class)
class OperatorImageTest {

  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static RealLab lab;
  private static OperatorContainer operator;

  @BeforeAll
  static void start(ControlPlane plane) throws Exception {
    OperatorContainer.archiveOrSkip();
    lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, 300));
    lab.applyRbac("image", Optional.empty());
    operator =
        OperatorContainer.start(
            lab, "image", Files.createTempDirectory(plane.dir(), "image"), null, Map.of());
  }

  @AfterAll
  static void stop() {
    try {
      if (operator != null) {
        operator.close();
      }
    } finally {
      if (lab != null) {
        lab.close();
      }
    }
  }

  @Test
  void theImageDrivesHelloAppToCompleteWithinItsLimitsAndStoresTheRun() throws Exception {
    String name = "image-hello";
    lab.create("hello-app", name);
    ExperimentStatus status;
    try {
      status = lab.awaitStatus(name, s -> Boolean.TRUE.equals(s.getResourcesCleaned()), PATIENCE);
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\noperator log:\n" + operator.logs(), e);
    }
    assertEquals(Phase.COMPLETE, status.getPhase(), status.toString());
    assertNotNull(status.getHypothesisResult(), "a verdict");
    assertEquals(List.of(), lab.children(name), "every child deleted once Complete");
    assertEquals(1, lab.runs(name).size(), "one run stored by the container: " + lab.runs(name));
    assertTrue(operator.metrics().contains("illm_"), "its /metrics answer on the host's network");
    ContainerStats stats = operator.stats();
    assertEquals(128L << 20, stats.limitBytes(), "within the Deployment's 128 MiB");
    assertEquals(0, stats.oomKills(), "no OOM kill");
    lab.deleteAndAwaitGone(name, PATIENCE);
    Podman.Run stopped = operator.stop();
    System.out.println(
        "IMAGE hello-app Complete; peak "
            + (stats.peakBytes() >> 20)
            + " MiB of "
            + (stats.limitBytes() >> 20)
            + ", throttled "
            + stats.throttledPeriods()
            + "/"
            + stats.periods()
            + " periods; stopped: "
            + stopped.out());
    assertTrue(stopped.out().startsWith("false "), "not OOM-killed: " + stopped.out());
  }
}
