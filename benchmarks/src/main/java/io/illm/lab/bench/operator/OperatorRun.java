package io.illm.lab.bench.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.EmbeddedHub;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argoworkflows.Workflow;
import io.illm.lab.operator.children.crossplane.ClusterClaim;
import io.illm.lab.operator.engine.Engine;
import io.illm.lab.operator.josdk.OperatorMetrics;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One measured run, in a JVM of its own (its peak RSS is the run's): {@code OperatorRun hub|engine
 * N CONCURRENCY [TIMEOUT_SECONDS]}. {@code hub}: the embedded hub (mock API server, the JOSDK
 * operator on the Kubernetes ports, simulated controllers with instant timings) and N experiments
 * created at once; {@code engine}: the same N experiments through the engine on the in-memory
 * {@code SimWorld} (no API server, no JOSDK; {@link EngineLoop}); {@code real ... KUBE_BINARIES}:
 * the same on a real API server ({@link RealServerRun}). Prints progress to standard error and one
 * {@link RunResult} line to standard output.
 */
public final class OperatorRun {

  private static final Duration POLL = Duration.ofMillis(20);

  private OperatorRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println(
          "usage: OperatorRun hub|engine|real N CONCURRENCY [TIMEOUT_SECONDS [KUBE_BINARIES]]");
      System.exit(2);
    }
    String mode = args[0];
    int n = Integer.parseInt(args[1]);
    int concurrency = Integer.parseInt(args[2]);
    Duration timeout = Duration.ofSeconds(args.length > 3 ? Long.parseLong(args[3]) : 300);
    RunResult result =
        switch (mode) {
          case "hub" -> hub(n, concurrency, timeout);
          case "engine" -> engine(n, concurrency, timeout);
          case "real" -> RealServerRun.run(n, concurrency, timeout, Path.of(args[4]));
          default ->
              throw new IllegalArgumentException("mode must be hub, engine or real, got " + mode);
        };
    System.out.println(result.line());
    System.out.flush();
    // the hub's and the clock's threads are not all daemons: leave without waiting for them
    Runtime.getRuntime().halt(0);
  }

  private static RunResult hub(int n, int concurrency, Duration timeout) throws Exception {
    Reactions reactions = new Reactions();
    Map<String, Phase> ended = new ConcurrentHashMap<>();
    try (EmbeddedHub hub = EmbeddedHub.start(Path.of("."))) {
      hub.publish(List.of(OperatorWorkload.component()));
      hub.simulateWorkflowTemplate(OperatorWorkload.TEMPLATE);
      SimClock clock = SimClock.compressed(Instant.now(), 1);
      hub.startOperator(clock, SimTimings.INSTANT, 1, concurrency);
      hub.controllers()
          .onWrite(
              (object, started) -> {
                if (decisive(object)) {
                  reactions.written(System.nanoTime() - started);
                  reactions.stimulus(
                      object.getMetadata().getLabels().get(ChildLabels.EXPERIMENT), started);
                }
              });
      SharedIndexInformer<Experiment> watch =
          hub.client()
              .resources(Experiment.class)
              .inNamespace(EmbeddedHub.NAMESPACE)
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Experiment e) {
                      seen(e);
                    }

                    @Override
                    public void onUpdate(Experiment before, Experiment after) {
                      seen(after);
                    }

                    @Override
                    public void onDelete(Experiment e, boolean unknown) {}

                    private void seen(Experiment e) {
                      long now = System.nanoTime();
                      reactions.status(e.getMetadata().getName(), e.getStatus(), now);
                      Phase phase = e.getStatus() == null ? null : e.getStatus().getPhase();
                      if (phase == Phase.COMPLETE || phase == Phase.FAILED) {
                        ended.putIfAbsent(e.getMetadata().getName(), phase);
                      }
                    }
                  });
      long start = System.nanoTime();
      createAll(hub.client(), n, EmbeddedHub.NAMESPACE);
      System.err.printf(
          "hub: %d experiments created in %.2f s%n", n, (System.nanoTime() - start) / 1e9);
      long wall = awaitAll(ended, n, start, timeout, () -> steps(watch));
      System.err.print(reactions.byWindow(start, 10_000_000_000L));
      if (ended.size() < n) {
        System.err.println("  not all ended; phases/steps then: " + steps(watch));
        watch.getStore().list().stream()
            .filter(e -> !ended.containsKey(e.getMetadata().getName()))
            .limit(5)
            .forEach(e -> System.err.println("    " + stuck(hub, e)));
      }
      RunResult result =
          result(
              wall,
              reconciles(hub.metrics()),
              reactions,
              failed(ended, n),
              hub.requestCount(),
              Server.NONE);
      watch.close();
      return result;
    }
  }

  /** JOSDK's reconciles and cleanups, successful or not. */
  static long reconciles(OperatorMetrics metrics) {
    return metrics.count("reconcile", "success")
        + metrics.count("reconcile", "failure")
        + metrics.count("cleanup", "success")
        + metrics.count("cleanup", "failure");
  }

  /**
   * What the control plane's processes spent during a run (-1 each where there are none).
   *
   * @param cpuMillis kube-apiserver's and etcd's CPU time
   * @param controllerManagerCpuMillis kube-controller-manager's
   * @param rssKib kube-apiserver's and etcd's peak RSS
   */
  record Server(long cpuMillis, long controllerManagerCpuMillis, long rssKib) {
    static final Server NONE = new Server(-1, -1, -1);
  }

  /** Creates the N experiments from 4 threads, as fast as the API server takes them. */
  static void createAll(KubernetesClient client, int n, String namespace) throws Exception {
    ExecutorService creators = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Experiment experiment = OperatorWorkload.experiment(i, namespace);
        done.add(creators.submit(() -> client.resource(experiment).create()));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      creators.shutdown();
    }
  }

  /**
   * A child's write the operator has to act on: a claim Ready (or failing), an Application Healthy
   * (or Degraded), a Workflow Running or ended; not the adoption edits in between, nor anything on
   * an object being deleted.
   */
  static boolean decisive(HasMetadata object) {
    if (object == null
        || object.getMetadata().getDeletionTimestamp() != null
        || object.getMetadata().getLabels() == null
        || !object.getMetadata().getLabels().containsKey(ChildLabels.EXPERIMENT)) {
      return false;
    }
    if (object instanceof ClusterClaim claim) {
      return claim.getStatus() != null
          && claim.getStatus().getConditions() != null
          && claim.getStatus().getConditions().stream()
              .anyMatch(
                  c ->
                      ("Ready".equals(c.getType()) && "True".equals(c.getStatus()))
                          || ("Synced".equals(c.getType()) && "False".equals(c.getStatus())));
    }
    if (object instanceof Application app) {
      String health =
          app.getStatus() == null || app.getStatus().getHealth() == null
              ? null
              : app.getStatus().getHealth().getStatus();
      return "Healthy".equals(health) || "Degraded".equals(health);
    }
    if (object instanceof Workflow workflow) {
      String phase = workflow.getStatus() == null ? null : workflow.getStatus().getPhase();
      return Set.of("Running", "Succeeded", "Failed", "Error").contains(phase);
    }
    return false;
  }

  private static RunResult engine(int n, int concurrency, Duration timeout) throws Exception {
    Reactions reactions = new Reactions();
    Map<String, Phase> ended = new ConcurrentHashMap<>();
    SimClock clock = SimClock.compressed(Instant.now(), 1);
    try (EngineLoop loop =
        new EngineLoop(clock, SimTimings.INSTANT, concurrency, reactions, ended)) {
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        Experiment experiment = OperatorWorkload.experiment(i, EmbeddedHub.NAMESPACE);
        experiment.getMetadata().setGeneration(1L);
        experiment.getMetadata().setFinalizers(new ArrayList<>(List.of(Engine.FINALIZER)));
        loop.create(experiment);
      }
      long wall = awaitAll(ended, n, start, timeout, () -> "");
      return result(wall, loop.turns(), reactions, failed(ended, n), 0, Server.NONE);
    }
  }

  /** Where an experiment that did not end is, and where the API server says its children are. */
  private static String stuck(EmbeddedHub hub, Experiment e) {
    String name = e.getMetadata().getName();
    ExperimentStatus status = e.getStatus();
    String claims =
        hub
            .client()
            .resources(ClusterClaim.class)
            .inAnyNamespace()
            .withLabel(ChildLabels.EXPERIMENT, name)
            .list()
            .getItems()
            .stream()
            .map(
                c ->
                    c.getMetadata().getName()
                        + "="
                        + (c.getStatus() == null || c.getStatus().getConditions() == null
                            ? null
                            : c.getStatus().getConditions().stream()
                                .map(k -> k.getType() + ":" + k.getStatus())
                                .toList())
                        + "@"
                        + c.getMetadata().getResourceVersion())
            .toList()
            .toString();
    String workflows =
        hub
            .client()
            .resources(Workflow.class)
            .inAnyNamespace()
            .withLabel(ChildLabels.EXPERIMENT, name)
            .list()
            .getItems()
            .stream()
            .map(
                w ->
                    w.getMetadata().getName()
                        + "="
                        + (w.getStatus() == null ? null : w.getStatus().getPhase())
                        + "@"
                        + w.getMetadata().getResourceVersion())
            .toList()
            .toString();
    String apps =
        hub
            .client()
            .resources(Application.class)
            .inAnyNamespace()
            .withLabel(ChildLabels.EXPERIMENT, name)
            .list()
            .getItems()
            .stream()
            .map(
                a ->
                    a.getMetadata().getName()
                        + "="
                        + (a.getStatus() == null || a.getStatus().getHealth() == null
                            ? null
                            : a.getStatus().getHealth().getStatus()))
            .toList()
            .toString();
    return name
        + " at "
        + (status == null
            ? "(no status)"
            : status.getPhase()
                + "/"
                + status.getStep()
                + ", workflow in status "
                + (status.getWorkflowStatus() == null
                    ? null
                    : status.getWorkflowStatus().getPhase()))
        + "; in the API: claims "
        + claims
        + ", workflows "
        + workflows
        + ", applications "
        + apps;
  }

  /** How many experiments are at each phase/step, as the watching informer sees them. */
  static String steps(SharedIndexInformer<Experiment> watch) {
    Map<String, Long> steps = new java.util.TreeMap<>();
    watch
        .getStore()
        .list()
        .forEach(
            e ->
                steps.merge(
                    e.getStatus() == null
                        ? "(none)"
                        : e.getStatus().getPhase() + "/" + e.getStatus().getStep(),
                    1L,
                    Long::sum));
    return steps.toString();
  }

  static long awaitAll(
      Map<String, Phase> ended,
      int n,
      long start,
      Duration timeout,
      java.util.function.Supplier<String> steps)
      throws InterruptedException {
    long deadline = start + timeout.toNanos();
    long lastReport = start;
    while (ended.size() < n && System.nanoTime() < deadline) {
      Thread.sleep(POLL.toMillis());
      if (System.nanoTime() - lastReport > 5_000_000_000L) {
        lastReport = System.nanoTime();
        System.err.printf(
            "  %.0f s: %d of %d ended %s%n",
            (lastReport - start) / 1e9, ended.size(), n, steps.get());
      }
    }
    return System.nanoTime() - start;
  }

  static long failed(Map<String, Phase> ended, int n) {
    long complete = ended.values().stream().filter(p -> p == Phase.COMPLETE).count();
    return n - complete;
  }

  static RunResult result(
      long wall, long reconciles, Reactions reactions, long failed, long requests, Server server)
      throws IOException {
    long[] delays = reactions.sortedDelays();
    var heap = ManagementFactory.getMemoryMXBean();
    long used = heap.getHeapMemoryUsage().getUsed() >> 20;
    System.gc();
    long live = heap.getHeapMemoryUsage().getUsed() >> 20;
    long[] writes = reactions.sortedWrites();
    System.err.printf(
        "  %d status changes, %d reactions, %d stimuli unanswered%n",
        reactions.changes(), delays.length, reactions.unanswered());
    if (writes.length > 0) {
      System.err.printf(
          "  decisive writes (GET + PATCH) took p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          Reactions.quantile(writes, 0.5) / 1e6,
          Reactions.quantile(writes, 0.99) / 1e6,
          writes[writes.length - 1] / 1e6);
    }
    return new RunResult(
        wall,
        reconciles,
        Reactions.quantile(delays, 0.5),
        Reactions.quantile(delays, 0.99),
        delays.length == 0 ? -1 : delays[delays.length - 1],
        delays.length,
        reactions.unanswered(),
        failed,
        peakRssKib(),
        used,
        live,
        requests,
        writes.length == 0 ? -1 : Reactions.quantile(writes, 0.99),
        server.cpuMillis(),
        server.controllerManagerCpuMillis(),
        server.rssKib());
  }

  /** VmHWM from /proc/self/status, in KiB; -1 where there is none. */
  static long peakRssKib() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.isReadable(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }
}
