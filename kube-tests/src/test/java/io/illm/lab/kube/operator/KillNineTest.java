package io.illm.lab.kube.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.OperatorProcess;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator as the image runs it ({@code OperatorMain} in a JVM of its own, as its
 * ServiceAccount with a real token) is killed with SIGKILL at generated points of N lifecycles
 * (hello-app and tsdb-comparison, typical timings 300 times faster, the clouds simulated in this
 * process) and started again each time, while they run (a quarter are deleted mid-run), while they
 * collect their metrics and store their runs (the metrics port's checkpoints and the engine's
 * write-ahead bring them through), and while they are deleted. Afterwards: every experiment
 * Complete (or, deleted mid-run, gone), no child ever created twice, no claim or other child left,
 * one stored run per completed experiment. {@code -Dkube.lifecycles=N} (default 20) and {@code
 * -Dkube.seed=S} choose the run.
 */
@ExtendWith(RealServer.class)
class KillNineTest {

  private static final int LIFECYCLES = Integer.getInteger("kube.lifecycles", 20);
  private static final long SEED = Long.getLong("kube.seed", 1L);

  /**
   * One kill point in this many waits for an experiment between its workflow's success and its
   * stored run (metrics collected, checkpointed in ConfigMaps, judged, stored) and kills there.
   */
  private static final int COLLECTING_EVERY = 3;

  /** Lifecycles run at once. */
  private static final int BATCH = 4;

  private static final Duration PATIENCE = Duration.ofMinutes(Long.getLong("kube.patience", 4));

  private static RealLab lab;
  private static OperatorProcess operator;
  private static final Map<String, Set<String>> uidsByChild = new ConcurrentHashMap<>();
  private static final List<SharedIndexInformer<?>> recorders = new ArrayList<>();
  private static final Map<String, Integer> killedIn = new TreeMap<>();
  private static final Map<String, String> failures = new TreeMap<>();
  private static int kills;
  private static int killsWhileCollecting;

  @BeforeAll
  static void start(ControlPlane plane) throws Exception {
    lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, 300));
    lab.applyRbac("kill9", Optional.empty());
    operator = OperatorProcess.of(lab, "kill9", Files.createTempDirectory(plane.dir(), "kill9"));
    record(
        "ClusterClaim",
        lab.admin()
            .resources(ClusterClaim.class)
            .inNamespace(RealLab.PLACEMENT.claims())
            .inform(recorder("ClusterClaim")));
    record(
        "Application",
        lab.admin()
            .resources(Application.class)
            .inNamespace(RealLab.PLACEMENT.argocd())
            .inform(recorder("Application")));
    record(
        "Workflow",
        lab.admin()
            .resources(Workflow.class)
            .inNamespace(RealLab.PLACEMENT.workflows())
            .inform(recorder("Workflow")));
    record(
        "Secret",
        lab.admin()
            .secrets()
            .inNamespace(RealLab.PLACEMENT.argocd())
            .withLabel(ChildLabels.MANAGED_BY, ChildLabels.MANAGER)
            .inform(recorder("Secret")));
    operator.start();
    operator.awaitReady(Duration.ofSeconds(60));
  }

  @AfterAll
  static void stop() {
    recorders.forEach(SharedIndexInformer::close);
    if (operator != null) {
      operator.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  @Test
  void killedAtGeneratedPointsTheOperatorLeavesNoDuplicateNoLeakAndOneRunEach() {
    Random random = new Random(SEED);
    for (int from = 0; from < LIFECYCLES; from += BATCH) {
      batch(from, Math.min(LIFECYCLES, from + BATCH), random);
    }
    Map<String, Set<String>> twice = new TreeMap<>();
    uidsByChild.forEach(
        (child, uids) -> {
          if (uids.size() > 1) twice.put(child, uids);
        });
    assertEquals(Map.of(), twice, "children created more than once");
    assertTrue(uidsByChild.size() >= 3 * LIFECYCLES, "children seen: " + uidsByChild.size());
    assertTrue(kills >= LIFECYCLES / 4, "kills: " + kills);
    assertTrue(killsWhileCollecting > 0, "no kill between a workflow's success and its run");
    System.out.println(
        "KILL9 "
            + LIFECYCLES
            + " lifecycles, seed "
            + SEED
            + ", "
            + kills
            + " kills ("
            + killsWhileCollecting
            + " while collecting), experiments then in: "
            + killedIn);
  }

  /**
   * Lifecycles {@code from} to {@code to} at once, one in four deleted mid-run, the operator killed
   * at generated points until they are Complete (or gone), then while they are deleted.
   */
  private static void batch(int from, int to, Random random) {
    List<String> names = new ArrayList<>();
    List<String> deletedMidRun = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String name = String.format("kill-%02d", i);
      (i % 4 == 3 ? deletedMidRun : names).add(name);
      lab.create(i % 3 == 2 ? "tsdb-comparison" : "hello-app", name);
      pause(random.nextInt(300));
    }
    Set<String> deleting = ConcurrentHashMap.newKeySet();
    killUntil(
        100,
        1400,
        true,
        "Complete and cleaned, or deleted mid-run and gone: " + names + deletedMidRun,
        () ->
            deletedMidRun.stream().filter(n -> !deletedOnceItHasAClaim(n, deleting)).count() == 0
                && names.stream().allMatch(KillNineTest::done),
        random);
    for (String name : names) {
      ExperimentStatus status = lab.experiment(name).getStatus();
      assertEquals(Phase.COMPLETE, status.getPhase(), name + ": " + status);
      assertEquals(1, lab.runs(name).size(), name + ": runs " + lab.runs(name));
      lab.admin()
          .resources(Experiment.class)
          .inNamespace(RealLab.NAMESPACE)
          .withName(name)
          .delete();
    }
    killUntil(
        50,
        750,
        false,
        "gone: " + names,
        () -> names.stream().allMatch(n -> lab.experiment(n) == null),
        random);
    for (String name : names) {
      assertEquals(List.of(), lab.children(name), name + ": children left");
      assertEquals(1, lab.runs(name).size(), name + ": runs after deletion " + lab.runs(name));
    }
    for (String name : deletedMidRun) {
      assertEquals(List.of(), lab.children(name), name + ": children left");
    }
  }

  /**
   * Kills the operator at a generated point ({@code fromMillis} plus up to {@code spanMillis} after
   * it became ready, or, one time in {@link #COLLECTING_EVERY}, as soon as an experiment is
   * collecting its metrics, when {@code whileCollectingToo}) and starts it again, until {@code
   * condition} holds.
   */
  private static void killUntil(
      int fromMillis,
      int spanMillis,
      boolean whileCollectingToo,
      String what,
      BooleanSupplier condition,
      Random random) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        notePhases();
        throw new AssertionError(
            "not within "
                + PATIENCE
                + ": "
                + what
                + "; "
                + killedIn
                + "\nfailed: "
                + failures
                + "\n"
                + operator.tail());
      }
      boolean whileCollecting = whileCollectingToo && random.nextInt(COLLECTING_EVERY) == 0;
      long next =
          System.nanoTime() + Duration.ofMillis(fromMillis + random.nextInt(spanMillis)).toNanos();
      while (!(whileCollecting ? collecting() : System.nanoTime() >= next)
          && !condition.getAsBoolean()
          && System.nanoTime() < deadline) {
        pause(whileCollecting ? 5 : 20);
      }
      if (!condition.getAsBoolean()) {
        notePhases();
        if (collecting()) {
          killsWhileCollecting++;
        }
        kills++;
        operator.kill9();
        operator.start();
        operator.awaitReady(Duration.ofSeconds(60));
      }
    }
  }

  private static void notePhases() {
    for (Experiment experiment :
        lab.admin().resources(Experiment.class).inNamespace(RealLab.NAMESPACE).list().getItems()) {
      if (!experiment.getMetadata().getName().startsWith("kill-")) {
        continue;
      }
      ExperimentStatus status = experiment.getStatus();
      String where =
          experiment.getMetadata().getDeletionTimestamp() != null
              ? "Deleting"
              : status == null || status.getPhase() == null
                  ? "New"
                  : status.getPhase().toString() + "/" + status.getStep();
      killedIn.merge(where, 1, Integer::sum);
      if (status != null && status.getPhase() == Phase.FAILED) {
        failures.put(experiment.getMetadata().getName(), String.valueOf(status.getConditions()));
      }
    }
  }

  /**
   * Whether some experiment is between its workflow's success (the Workflow object, which the
   * simulated Argo writes before the operator sees it) and Complete or Failed: collecting, judging,
   * storing its run.
   */
  private static boolean collecting() {
    for (Workflow workflow :
        lab.admin()
            .resources(Workflow.class)
            .inNamespace(RealLab.PLACEMENT.workflows())
            .list()
            .getItems()) {
      String experiment = workflow.getMetadata().getLabels().get(ChildLabels.EXPERIMENT);
      if (workflow.getStatus() != null
          && "Succeeded".equals(workflow.getStatus().getPhase())
          && experiment != null
          && !finished(lab.experiment(experiment))) {
        return true;
      }
    }
    return lab
        .admin()
        .resources(Experiment.class)
        .inNamespace(RealLab.NAMESPACE)
        .list()
        .getItems()
        .stream()
        .anyMatch(
            e ->
                e.getStatus() != null
                    && e.getStatus().getWorkflowStatus() != null
                    && "Succeeded".equals(e.getStatus().getWorkflowStatus().getPhase())
                    && !finished(e));
  }

  /** Gone, or Complete or Failed: past storing its run. */
  private static boolean finished(Experiment experiment) {
    return experiment == null
        || experiment.getStatus() == null && experiment.getMetadata().getDeletionTimestamp() != null
        || experiment.getStatus() != null
            && (experiment.getStatus().getPhase() == Phase.COMPLETE
                || experiment.getStatus().getPhase() == Phase.FAILED);
  }

  /**
   * Deletes the experiment once it has a claim (or, had it none when looked at, once it is done);
   * true when it is gone.
   */
  private static boolean deletedOnceItHasAClaim(String name, Set<String> deleting) {
    if (!deleting.contains(name)
        && (done(name)
            || lab.children(name).stream().anyMatch(c -> c.startsWith("ClusterClaim")))) {
      lab.admin()
          .resources(Experiment.class)
          .inNamespace(RealLab.NAMESPACE)
          .withName(name)
          .delete();
      deleting.add(name);
    }
    return deleting.contains(name) && lab.experiment(name) == null;
  }

  private static boolean done(String name) {
    Experiment experiment = lab.experiment(name);
    return experiment != null
        && experiment.getStatus() != null
        && Boolean.TRUE.equals(experiment.getStatus().getResourcesCleaned());
  }

  private static void record(String kind, SharedIndexInformer<?> informer) {
    recorders.add(informer);
  }

  private static <T extends HasMetadata> ResourceEventHandler<T> recorder(String kind) {
    return new ResourceEventHandler<>() {
      @Override
      public void onAdd(T child) {
        uidsByChild
            .computeIfAbsent(
                kind + " " + child.getMetadata().getName(), k -> ConcurrentHashMap.newKeySet())
            .add(child.getMetadata().getUid());
      }

      @Override
      public void onUpdate(T before, T after) {
        onAdd(after);
      }

      @Override
      public void onDelete(T child, boolean unknown) {}
    };
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted");
    }
  }
}
