package io.illm.lab.bench.operator;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.illm.lab.hub.local.HubFolder;
import io.illm.lab.hub.local.HubOperator;
import io.illm.lab.hub.local.HubProcess;
import io.illm.lab.hub.local.LocalHub;
import io.illm.lab.hub.local.SimCloud;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.josdk.OperatorMetrics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * {@code OperatorRun real N C TIMEOUT BINARIES}: the operator benchmark on a real API server. etcd,
 * kube-apiserver (RBAC, its own certificates) and kube-controller-manager from {@code BINARIES}
 * ({@code tools/build.sh kube}), started as {@code ./lab hub up} starts them ({@link
 * LocalHub#controlPlane}); in this JVM the simulated clouds ({@link SimCloud}, instant timings, as
 * the admin) and the operator as the local hub runs it ({@link HubOperator}: its ServiceAccount,
 * server-side apply, metrics over HTTP from a simulated Prometheus, results in a folder). Besides
 * what the embedded hub's run measures: the API server's request count ({@code
 * apiserver_request_total}) and the CPU time and peak RSS of kube-apiserver, etcd and
 * kube-controller-manager, from /proc.
 */
final class RealServerRun {

  /** Where the benchmark's experiments live (their children go where Placement.DEFAULT says). */
  static final String NAMESPACE = "bench";

  private RealServerRun() {}

  static RunResult run(int n, int concurrency, Duration timeout, Path binaries) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    HubFolder folder = new HubFolder(Files.createTempDirectory("operator-bench-hub"));
    Path results = Files.createTempDirectory("operator-bench-results");
    try {
      LocalHub.Status hub =
          LocalHub.controlPlane(folder, root, binaries, new PrintWriter(System.err, true));
      try (KubernetesClient admin = LocalHub.asAdmin(folder);
          KubernetesClient operatorClient = LocalHub.asOperator(folder)) {
        return measure(n, concurrency, timeout, hub, admin, operatorClient, results);
      }
    } finally {
      System.err.println("stopped: " + LocalHub.down(folder));
      deleteTree(results);
    }
  }

  private static RunResult measure(
      int n,
      int concurrency,
      Duration timeout,
      LocalHub.Status hub,
      KubernetesClient admin,
      KubernetesClient operatorClient,
      Path results)
      throws Exception {
    admin
        .namespaces()
        .resource(
            new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
        .create();
    Reactions reactions = new Reactions();
    Map<String, Phase> ended = new ConcurrentHashMap<>();
    try (SimCloud cloud = SimCloud.start(admin, Placement.DEFAULT, SimTimings.INSTANT)) {
      cloud.publish(List.of(OperatorWorkload.component()));
      cloud.workflowTemplate(OperatorWorkload.TEMPLATE);
      cloud
          .controllers()
          .onWrite(
              (object, started) -> {
                if (OperatorRun.decisive(object)) {
                  reactions.written(System.nanoTime() - started);
                  reactions.stimulus(
                      object.getMetadata().getLabels().get(ChildLabels.EXPERIMENT), started);
                }
              });
      HubOperator operator =
          HubOperator.start(
              operatorClient,
              HubOperator.Options.of(Placement.DEFAULT, cloud.prometheus(), results)
                  .withConcurrency(concurrency));
      try (SharedIndexInformer<Experiment> watch = watch(admin, reactions, ended)) {
        Processes processes = new Processes(hub.processes());
        Processes.Sample before = processes.sample();
        Map<String, Long> requestsBefore = requests(admin);
        long start = System.nanoTime();
        OperatorRun.createAll(admin, n, NAMESPACE);
        System.err.printf(
            "real: %d experiments created in %.2f s%n", n, (System.nanoTime() - start) / 1e9);
        long wall = OperatorRun.awaitAll(ended, n, start, timeout, () -> OperatorRun.steps(watch));
        Processes.Sample after = processes.sample();
        Map<String, Long> requestsAfter = requests(admin);
        long requests = total(requestsAfter) - total(requestsBefore);
        System.err.print(reactions.byWindow(start, 10_000_000_000L));
        System.err.print(mostRequested(requestsBefore, requestsAfter, 20));
        OperatorMetrics metrics = operator.metrics();
        RunResult result =
            OperatorRun.result(
                wall,
                OperatorRun.reconciles(metrics),
                reactions,
                OperatorRun.failed(ended, n),
                requests,
                new OperatorRun.Server(
                    after.cpuMillis("etcd", "kube-apiserver")
                        - before.cpuMillis("etcd", "kube-apiserver"),
                    after.cpuMillis("kube-controller-manager")
                        - before.cpuMillis("kube-controller-manager"),
                    after.peakRssKib("etcd", "kube-apiserver")));
        operator.close();
        return result;
      }
    }
  }

  private static SharedIndexInformer<Experiment> watch(
      KubernetesClient admin, Reactions reactions, Map<String, Phase> ended) {
    return admin
        .resources(Experiment.class)
        .inNamespace(NAMESPACE)
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
                reactions.status(e.getMetadata().getName(), e.getStatus(), System.nanoTime());
                Phase phase = e.getStatus() == null ? null : e.getStatus().getPhase();
                if (phase == Phase.COMPLETE || phase == Phase.FAILED) {
                  ended.putIfAbsent(e.getMetadata().getName(), phase);
                }
              }
            });
  }

  /**
   * The requests kube-apiserver has answered since it started, by verb, resource, subresource and
   * code: {@code apiserver_request_total} on its /metrics (every client's; a watch counts when it
   * ends).
   */
  static Map<String, Long> requests(KubernetesClient admin) throws Exception {
    var http = admin.getHttpClient();
    HttpRequest request =
        http.newHttpRequestBuilder().uri(admin.getMasterUrl() + "metrics").build();
    return requestCounts(http.sendAsync(request, String.class).get().body());
  }

  /** The {@code apiserver_request_total} samples of a Prometheus text exposition, by request. */
  static Map<String, Long> requestCounts(String metrics) {
    Map<String, Long> counts = new java.util.TreeMap<>();
    metrics
        .lines()
        .filter(l -> l.startsWith("apiserver_request_total{"))
        .forEach(
            l ->
                counts.merge(
                    label(l, "verb")
                        + " "
                        + label(l, "resource")
                        + (label(l, "subresource").isEmpty() ? "" : "/" + label(l, "subresource"))
                        + " "
                        + label(l, "code"),
                    (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)),
                    Long::sum));
    return counts;
  }

  static long total(Map<String, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  private static String label(String sample, String name) {
    int at = sample.indexOf(name + "=\"");
    if (at < 0) {
      return "";
    }
    int from = at + name.length() + 2;
    return sample.substring(from, sample.indexOf('"', from));
  }

  /** The {@code top} requests made between two counts, most first, one per line. */
  static String mostRequested(Map<String, Long> before, Map<String, Long> after, int top) {
    StringBuilder out = new StringBuilder("  requests during the run (verb resource code):\n");
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(top)
        .forEach(e -> out.append(String.format("    %7d  %s%n", e.getValue(), e.getKey())));
    return out.toString();
  }

  /** The control plane's processes, read from /proc. */
  record Processes(List<HubProcess> processes) {

    /** CPU time and peak RSS of every process at one moment. */
    record Sample(Map<String, Long> cpuMillis, Map<String, Long> peakRssKib) {
      long cpuMillis(String... names) {
        return Stream.of(names).mapToLong(name -> cpuMillis.getOrDefault(name, 0L)).sum();
      }

      long peakRssKib(String... names) {
        return Stream.of(names).mapToLong(name -> peakRssKib.getOrDefault(name, 0L)).sum();
      }
    }

    Sample sample() throws IOException {
      Map<String, Long> cpu = new ConcurrentHashMap<>();
      Map<String, Long> rss = new ConcurrentHashMap<>();
      long ticks = clockTicks();
      for (HubProcess process : processes) {
        Path proc = Path.of("/proc", Long.toString(process.pid()));
        cpu.put(process.name(), cpuTicks(Files.readString(proc.resolve("stat"))) * 1000 / ticks);
        rss.put(process.name(), peakRss(Files.readAllLines(proc.resolve("status"))));
      }
      return new Sample(cpu, rss);
    }
  }

  /** utime + stime of a /proc/PID/stat line, in clock ticks. */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // after the command: state is field 3 of stat(5), utime 14 and stime 15
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  private static long peakRss(List<String> status) {
    return status.stream()
        .filter(l -> l.startsWith("VmHWM:"))
        .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
        .findFirst()
        .orElse(-1);
  }

  private static long clockTicks() throws IOException {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).strip();
      getconf.waitFor();
      return Long.parseLong(out);
    } catch (InterruptedException | NumberFormatException e) {
      return 100;
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
