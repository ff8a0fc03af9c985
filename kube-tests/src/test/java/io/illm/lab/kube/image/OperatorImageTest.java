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
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
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

  /** Where the container's JVM lists the classes it loaded (the mounted results folder). */
  private static final String LOADED = "/var/lib/illm-lab/results/loaded.classlist";

  /** The image's class list, from which the Deployment's init container dumps the archive. */
  private static final Path SHIPPED = Path.of("../image/src/main/cds/operator.classlist");

  /** Where this test writes the class list of its run: copy it to {@link #SHIPPED} to refresh. */
  private static final Path FRESH = Path.of("target/operator.classlist");

  /** At most this share of the loaded classes may be missing from the image's class list. */
  private static final double STALE = 0.02;

  private static RealLab lab;
  private static OperatorContainer operator;

  @BeforeAll
  static void start(ControlPlane plane) throws Exception {
    OperatorContainer.archiveOrSkip();
    lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, 300));
    lab.applyRbac("image", Optional.empty());
    operator =
        OperatorContainer.start(
            lab,
            "image",
            Files.createTempDirectory(plane.dir(), "image"),
            null,
            // the class-data archive must map (the JVM stops otherwise), and the classes it loads
            // are kept to compare with the image's class list
            Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -XX:DumpLoadedClassList=" + LOADED));
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
    classListCoversTheRun();
  }

  /**
   * The classes the run loaded are in the image's class list (all but {@link #STALE} of them, since
   * a run's classes vary a little with timing): a list gone stale shares less and costs memory.
   */
  private static void classListCoversTheRun() throws IOException {
    SortedSet<String> loaded =
        ClassLists.names(Files.readAllLines(lab.results().resolve("loaded.classlist")));
    Files.write(FRESH, loaded);
    SortedSet<String> missing = new TreeSet<>(loaded);
    missing.removeAll(ClassLists.names(Files.readAllLines(SHIPPED)));
    System.out.println(
        "IMAGE class list: "
            + loaded.size()
            + " classes loaded, "
            + missing.size()
            + " not in the image's class list");
    assertTrue(
        missing.size() <= loaded.size() * STALE,
        missing.size()
            + " of the "
            + loaded.size()
            + " classes the operator loaded are not in "
            + SHIPPED
            + " (so not in its class-data archive), e.g. "
            + missing.stream().limit(5).toList()
            + ": refresh it with cp kube-tests/"
            + FRESH
            + " image/src/main/cds/operator.classlist");
  }
}
