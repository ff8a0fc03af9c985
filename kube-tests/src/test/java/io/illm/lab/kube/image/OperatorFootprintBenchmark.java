package io.illm.lab.kube.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.image.ContainerStats;
import io.illm.lab.image.Podman;
import io.illm.lab.kube.ControlPlane;
import io.illm.lab.kube.KubeBinaries;
import io.illm.lab.kube.OperatorContainer;
import io.illm.lab.kube.RealLab;
import io.illm.lab.kube.RealServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's footprint (benchmarks/README.md "Operator footprint"): its image under podman
 * within exactly the Deployment's 500m CPU and 128 MiB, against the real API server, carrying N
 * concurrent hello-app experiments (the clouds simulated in this JVM, typical timings {@code
 * -Dfootprint.speedup} times faster, 20 by default, so that a lifecycle takes about a minute and
 * all N overlap). Prints one table row: peak container memory (cgroup), peak anonymous memory, the
 * largest heap after a GC and the heap's size (from -Xlog:gc), CPU periods throttled (cgroup
 * cpu.stat), the reaction p50/p99 (an experiment created until the operator writes its first
 * status, seen by an informer here; creations spread over {@code -Dfootprint.spread} seconds), the
 * mean reconciler execution (its /metrics) and OOM kills. Not part of the default suite: {@code
 * -Dfootprint.experiments=100}; {@code -Dfootprint.jvm="..."} replaces the image's JVM options,
 * {@code -Dfootprint.env="NAME=VALUE ..."} adds to its environment.
 */
@ExtendWith(RealServer.class)
class OperatorFootprintBenchmark {

  private static final int EXPERIMENTS = Integer.getInteger("footprint.experiments", 0);
  private static final double SPEEDUP =
      Double.parseDouble(System.getProperty("footprint.speedup", "20"));
  private static final int SPREAD = Integer.getInteger("footprint.spread", 20);
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  @Test
  void nConcurrentExperimentsWithinTheDeploymentsLimits(ControlPlane plane) throws Exception {
    assumeTrue(EXPERIMENTS > 0, "skipped: a benchmark; run it with -Dfootprint.experiments=100");
    OperatorContainer.archiveOrSkip();
    String jvm = System.getProperty("footprint.jvm", "").strip();
    if (jvm.isEmpty()) {
      jvm = imageJvmOptions();
    }
    jvm = jvm + " -Xlog:gc:stdout";
    Map<String, Long> created = new ConcurrentHashMap<>();
    Map<String, Long> reacted = new ConcurrentHashMap<>();
    Map<String, Phase> phases = new ConcurrentHashMap<>();
    try (RealLab lab = RealLab.start(plane, SimCloud.faster(SimTimings.TYPICAL, SPEEDUP))) {
      lab.applyRbac("footprint", Optional.empty());
      SharedIndexInformer<Experiment> informer =
          lab.admin()
              .resources(Experiment.class)
              .inNamespace(RealLab.NAMESPACE)
              .inform(
                  new ResourceEventHandler<>() {
                    @Override
                    public void onAdd(Experiment e) {
                      seen(e);
                    }

                    @Override
                    public void onUpdate(Experiment old, Experiment e) {
                      seen(e);
                    }

                    @Override
                    public void onDelete(Experiment e, boolean unknown) {}

                    private void seen(Experiment e) {
                      if (e.getStatus() != null && e.getStatus().getPhase() != null) {
                        reacted.putIfAbsent(e.getMetadata().getName(), System.nanoTime());
                        phases.put(e.getMetadata().getName(), e.getStatus().getPhase());
                      }
                    }
                  });
      try (OperatorContainer operator =
          OperatorContainer.start(
              lab, "footprint", Files.createTempDirectory(plane.dir(), "footprint"), jvm, env())) {
        long startedAt = System.nanoTime();
        long[] peakAnon = {0};
        long[] peakThreads = {0};
        long[] oomKills = {0};
        boolean[] gone = {false};
        Thread sampler =
            new Thread(
                () -> {
                  while (!Thread.currentThread().isInterrupted()) {
                    try {
                      ContainerStats now = operator.stats();
                      peakAnon[0] = Math.max(peakAnon[0], now.anonBytes());
                      peakThreads[0] = Math.max(peakThreads[0], now.threads());
                      oomKills[0] = Math.max(oomKills[0], now.oomKills());
                      Thread.sleep(500);
                    } catch (InterruptedException e) {
                      return;
                    } catch (Exception e) {
                      // its cgroup is gone: the container ended (the kernel's OOM killer, when
                      // podman inspect says OOMKilled false under runc with cgroupfs: dmesg)
                      gone[0] = true;
                      return;
                    }
                  }
                },
                "footprint-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long gap = SPREAD * 1_000_000_000L / EXPERIMENTS;
        for (int i = 0; i < EXPERIMENTS; i++) {
          String name = String.format(Locale.ROOT, "fp-%04d", i);
          long due = startedAt + i * gap;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          created.put(name, System.nanoTime());
          lab.create("hello-app", name);
        }
        RealLab.await(
            EXPERIMENTS + " experiments Complete",
            () -> {
              if (gone[0]) {
                throw new AssertionError(
                    "the container ended after "
                        + (System.nanoTime() - startedAt) / 1_000_000_000L
                        + " s, peak anonymous memory "
                        + (peakAnon[0] >> 20)
                        + " MiB, peak threads "
                        + peakThreads[0]
                        + ", OOM kills seen "
                        + oomKills[0]
                        + ", phases "
                        + phasesCount(phases)
                        + "\n"
                        + operator.logs());
              }
              return phases.values().stream().filter(p -> p == Phase.COMPLETE).count()
                  == EXPERIMENTS;
            },
            Duration.ofMinutes(15),
            () -> "phases: " + phasesCount(phases) + "\n" + operator.logs());
        long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
        sampler.interrupt();
        String metrics = operator.metrics();
        ContainerStats stats = operator.stats();
        Podman.Run stopped = operator.stop();
        int[] heap = heap(stopped.err());
        List<Double> reactions = new ArrayList<>();
        created.forEach((n, t) -> reactions.add((reacted.get(n) - t) / 1e9));
        Collections.sort(reactions);
        System.out.printf(
            Locale.ROOT,
            "FOOTPRINT | %d | %s | %d MiB | %d MiB | %d | %d MiB / %d MiB | %d/%d (%.0f%%) | %.2f s / %.2f s | %.1f ms | %d (%s) | %d s |%n",
            EXPERIMENTS,
            jvm,
            stats.peakBytes() >> 20,
            peakAnon[0] >> 20,
            peakThreads[0],
            heap[0],
            heap[1],
            stats.throttledPeriods(),
            stats.periods(),
            100 * stats.throttledShare(),
            quantile(reactions, 0.5),
            quantile(reactions, 0.99),
            meanExecutionMillis(metrics),
            Math.max(oomKills[0], stats.oomKills()),
            stopped.out(),
            seconds);
        assertEquals(0, stats.oomKills(), "OOM kills");
      } finally {
        informer.close();
      }
    }
  }

  /** More of the container's environment: {@code -Dfootprint.env="NAME=VALUE ..."}. */
  private static Map<String, String> env() {
    Map<String, String> env = new java.util.TreeMap<>();
    for (String pair : System.getProperty("footprint.env", "").strip().split("\\s+")) {
      if (pair.contains("=")) {
        env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
      }
    }
    return env;
  }

  /** The image's JVM options, as image/pom.xml sets them. */
  private static String imageJvmOptions() throws java.io.IOException {
    Matcher m =
        Pattern.compile("<image.jvm.options>([^<]*)</image.jvm.options>")
            .matcher(Files.readString(KubeBinaries.ROOT.resolve("image/pom.xml")));
    if (!m.find()) {
      throw new IllegalStateException("no image.jvm.options in image/pom.xml");
    }
    return m.group(1).strip();
  }

  /** The largest heap after a GC and the largest heap size, MiB, from -Xlog:gc lines. */
  private static int[] heap(String log) {
    int after = 0;
    int size = 0;
    for (String line : log.split("\n")) {
      if (!line.contains("[gc]")) {
        continue;
      }
      Matcher m = GC.matcher(line);
      if (m.find()) {
        after = Math.max(after, Integer.parseInt(m.group(2)));
        size = Math.max(size, Integer.parseInt(m.group(3)));
      }
    }
    return new int[] {after, size};
  }

  private static double quantile(List<Double> sorted, double q) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  /** Reconciler execution time over executions, from the operator's /metrics. */
  private static double meanExecutionMillis(String metrics) {
    double seconds = 0;
    double count = 0;
    for (String line : metrics.split("\n")) {
      if (line.startsWith("illm_operator_execution_seconds_sum")) {
        seconds += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      } else if (line.startsWith("illm_operator_executions_total")) {
        count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return count == 0 ? Double.NaN : 1000 * seconds / count;
  }

  private static String phasesCount(Map<String, Phase> phases) {
    Map<Phase, Integer> count = new java.util.TreeMap<>();
    phases.values().forEach(p -> count.merge(p, 1, Integer::sum));
    return count.toString();
  }
}
