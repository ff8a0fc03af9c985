package io.illm.lab.hub.local;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.illm.lab.operator.children.Placement;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A real hub on this machine, on loopback: etcd, kube-apiserver and kube-controller-manager from
 * the binaries {@code tools/build.sh kube} built, the lab's CRDs and the operator's RBAC, and a
 * background JVM running the operator and the simulated clouds ({@link HubMain}). Everything lives
 * in one {@link HubFolder}; every process it starts is recorded there and stopped by {@link #down}.
 */
public final class LocalHub {

  private static final Duration READY = Duration.ofSeconds(90);
  private static final Duration GRACE = Duration.ofSeconds(10);

  /**
   * What {@code up} needs.
   *
   * @param labRoot the lab checkout (generated-crds/, platform/, components/, experiments/)
   * @param binaries the folder of etcd, kube-apiserver and kube-controller-manager
   * @param results where the operator stores runs
   * @param java the java command of the background JVM
   * @param classpath its classpath (the CLI's own)
   * @param timeFactor how much shorter than typical the simulated clouds' timings are
   */
  public record Settings(
      Path labRoot,
      Path binaries,
      Path results,
      String java,
      String classpath,
      double timeFactor) {}

  /** What runs: each process and whether it does, the API server and whether it is ready. */
  public record Status(
      HubFolder folder, URI apiServer, List<HubProcess> processes, boolean apiServerReady) {
    public boolean running() {
      return !processes.isEmpty() && processes.stream().allMatch(HubProcess::running);
    }
  }

  private LocalHub() {}

  /**
   * Starts the hub in {@code folder}, saying what it does on {@code log}; on any failure stops what
   * it started (the logs stay) and throws {@link HubException}.
   */
  public static Status up(HubFolder folder, Settings settings, PrintWriter log) {
    Optional<HubFolder.State> existing = folder.load();
    if (existing.isPresent() && existing.get().processes().stream().anyMatch(HubProcess::running)) {
      throw new HubException(
          "a hub is already running from " + folder.root(), "./lab hub status, or ./lab hub down");
    }
    folder.create();
    Starting starting = new Starting(folder, settings, log);
    try {
      starting.run();
      return status(folder);
    } catch (RuntimeException e) {
      starting.undo();
      throw e instanceof HubException h
          ? h
          : new HubException(
              "the hub did not start: " + e.getMessage(), "see the logs in " + folder.logs());
    }
  }

  /**
   * Starts the control plane alone in {@code folder}: etcd, kube-apiserver and
   * kube-controller-manager, with the CRDs, namespaces and RBAC of {@code labRoot}, but no operator
   * and no simulated clouds (who calls it runs them, as the operator benchmark does in its own
   * JVM). On any failure stops what it started and throws {@link HubException}; {@link #down} stops
   * it.
   */
  public static Status controlPlane(
      HubFolder folder, Path labRoot, Path binaries, PrintWriter log) {
    folder.create();
    Starting starting =
        new Starting(folder, new Settings(labRoot, binaries, null, null, null, 1), log);
    try {
      starting.controlPlane();
      return status(folder);
    } catch (RuntimeException e) {
      starting.undo();
      throw e instanceof HubException h
          ? h
          : new HubException(
              "the control plane did not start: " + e.getMessage(),
              "see the logs in " + folder.logs());
    }
  }

  /**
   * A client of the hub in {@code folder} as the operator's ServiceAccount (the admin impersonating
   * it), whose rights are those of platform/operator/rbac/.
   */
  public static KubernetesClient asOperator(HubFolder folder) {
    try {
      Config config = Config.fromKubeconfig(Files.readString(folder.kubeconfig()));
      config.setImpersonateUsername(
          "system:serviceaccount:"
              + HubContent.OPERATOR_NAMESPACE
              + ":"
              + HubContent.OPERATOR_ACCOUNT);
      config.setImpersonateGroups(
          "system:serviceaccounts",
          "system:serviceaccounts:" + HubContent.OPERATOR_NAMESPACE,
          "system:authenticated");
      return new KubernetesClientBuilder().withConfig(config).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client of the hub in {@code folder} as its admin ({@code system:masters}). */
  public static KubernetesClient asAdmin(HubFolder folder) {
    return admin(folder);
  }

  /** Stops every process {@code up} started (the operator first), then removes the folder. */
  public static List<String> down(HubFolder folder) {
    List<String> stopped = new ArrayList<>();
    Optional<HubFolder.State> state = folder.load();
    if (state.isPresent()) {
      List<HubProcess> processes = new ArrayList<>(state.get().processes());
      java.util.Collections.reverse(processes);
      for (HubProcess process : processes) {
        if (process.stop(GRACE)) {
          stopped.add(process.name() + " (pid " + process.pid() + ")");
        }
      }
    }
    folder.delete();
    return stopped;
  }

  /** What runs now; empty when no hub was started from {@code folder}. */
  public static Optional<Status> statusOf(HubFolder folder) {
    return folder.load().map(state -> status(folder));
  }

  private static Status status(HubFolder folder) {
    HubFolder.State state = folder.load().orElseThrow();
    boolean ready = apiServerReady(folder);
    return new Status(folder, state.apiServer(), state.processes(), ready);
  }

  private static boolean apiServerReady(HubFolder folder) {
    try (KubernetesClient admin = admin(folder)) {
      return readyz(admin);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static KubernetesClient admin(HubFolder folder) {
    try {
      return new KubernetesClientBuilder()
          .withConfig(Config.fromKubeconfig(Files.readString(folder.kubeconfig())))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean readyz(KubernetesClient admin) {
    try {
      var http = admin.getHttpClient();
      HttpRequest request =
          http.newHttpRequestBuilder().uri(admin.getMasterUrl() + "readyz").build();
      return http.sendAsync(request, String.class).get().code() == 200;
    } catch (Exception e) {
      return false;
    }
  }

  /** One start: the steps in order, and what to undo when one fails. */
  private static final class Starting {
    private final HubFolder folder;
    private final Settings settings;
    private final PrintWriter log;
    private final List<HubProcess> started = new ArrayList<>();
    private URI apiServer = URI.create("https://127.0.0.1:0");

    Starting(HubFolder folder, Settings settings, PrintWriter log) {
      this.folder = folder;
      this.settings = settings;
      this.log = log;
    }

    void run() {
      controlPlane();
      start(
          "operator",
          Commands.operator(
              settings.java(),
              settings.classpath(),
              folder,
              settings.labRoot(),
              settings.results(),
              settings.timeFactor()));
      await("operator", () -> Files.exists(folder.operatorReady()));
    }

    void controlPlane() {
      int etcdClient = freePort();
      int etcdPeer = freePort();
      int port = freePort();
      apiServer = URI.create("https://127.0.0.1:" + port);
      step("certificates", () -> Certificates.write(folder, apiServer));
      start("etcd", Commands.etcd(settings.binaries(), folder, etcdClient, etcdPeer));
      await("etcd", () -> etcdHealthy(etcdClient));
      start("kube-apiserver", Commands.apiServer(settings.binaries(), folder, etcdClient, port));
      await("kube-apiserver", () -> apiServerReady(folder));
      start("kube-controller-manager", Commands.controllerManager(settings.binaries(), folder));
      step("the CRDs, namespaces and the operator's RBAC", this::install);
    }

    private void install() {
      try (KubernetesClient admin = admin(folder)) {
        HubContent.install(admin, settings.labRoot(), Placement.DEFAULT);
      }
    }

    private void step(String what, Runnable step) {
      log.println("hub: " + what);
      log.flush();
      step.run();
    }

    private void start(String name, List<String> command) {
      log.println("hub: starting " + name);
      log.flush();
      started.add(HubProcess.start(name, command, folder.logs().resolve(name + ".log")));
      folder.save(new HubFolder.State(apiServer, started));
    }

    private void await(String name, BooleanSupplier ready) {
      HubProcess process = started.get(started.size() - 1);
      long deadline = System.nanoTime() + READY.toNanos();
      while (!ready.getAsBoolean()) {
        if (!process.running()) {
          throw new HubException(
              name + " stopped while starting", "see " + folder.logs().resolve(name + ".log"));
        }
        if (System.nanoTime() > deadline) {
          throw new HubException(
              name + " is not ready after " + READY.toSeconds() + " s",
              "see " + folder.logs().resolve(name + ".log"));
        }
        sleep(200);
      }
    }

    void undo() {
      for (int i = started.size() - 1; i >= 0; i--) {
        started.get(i).stop(GRACE);
      }
      started.clear();
      folder.save(new HubFolder.State(apiServer, started));
    }
  }

  private static boolean etcdHealthy(int port) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + port + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("true");
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on loopback: " + e.getMessage(), e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HubException("interrupted", "run ./lab hub down to stop what started");
    }
  }
}
