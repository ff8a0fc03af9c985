package io.illm.lab.cli.hub;

import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.hub.local.HubException;
import io.illm.lab.hub.local.HubFolder;
import io.illm.lab.hub.local.HubProcess;
import io.illm.lab.hub.local.LocalHub;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hub up | down | status}: a real hub on this machine (etcd, kube-apiserver,
 * kube-controller-manager, the operator and the simulated clouds), for kubectl and {@code ./lab
 * submit}. {@code ./lab run} keeps its embedded hub.
 */
@Command(
    name = "hub",
    mixinStandardHelpOptions = true,
    description = {
      "A real Kubernetes hub on this machine, on loopback: etcd, kube-apiserver (RBAC) and"
          + " kube-controller-manager built by tools/build.sh kube, the lab's CRDs, and the"
          + " operator with Crossplane, ArgoCD, Argo Workflows and Prometheus SIMULATED.",
      "",
      "  ./lab hub up          then: export KUBECONFIG=... (printed); kubectl get experiments -w",
      "  ./lab submit hello-app",
      "  ./lab hub down        stops everything it started",
      "",
      "State, certificates and logs live in .lab/hub (--state)."
    },
    subcommands = {HubCommand.Up.class, HubCommand.Down.class, HubCommand.Status.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done: up and ready, stopped, or (status) everything runs",
      "1:up: the hub did not start, or one is already up; status: no hub, or not all of it runs",
      "2:usage",
      "3:up: the control-plane binaries are not built (the message says how to build them)"
    })
public final class HubCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the hub is: the lab root and the state folder. */
  static final class Where {
    @Option(
        names = "--root",
        paramLabel = "DIR",
        description = "The lab checkout (default $LAB_ROOT, else .).")
    Path root;

    @Option(
        names = "--state",
        paramLabel = "DIR",
        description = "The hub's folder (default .lab/hub under the root).")
    Path state;

    LabFiles files() {
      return LabFiles.at(root);
    }

    HubFolder folder() {
      return new HubFolder(state != null ? state : files().root().resolve(HubFolder.DEFAULT));
    }
  }

  @Command(
      name = "up",
      mixinStandardHelpOptions = true,
      description = "Starts the hub; prints export KUBECONFIG=... on stdout.")
  static final class Up implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Where where = new Where();

    @Option(
        names = "--results",
        paramLabel = "DIR",
        description = "Where the operator stores runs (default .lab/results under the root).")
    Path results;

    @Option(
        names = "--time-factor",
        paramLabel = "N",
        defaultValue = "300",
        description = "The simulated clouds take typical times divided by N (default 300).")
    double timeFactor;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path root = where.files().root();
      Optional<Path> binaries = binaries(root, System.getenv(), err);
      if (binaries.isEmpty()) {
        return ExitCodes.UNREACHABLE;
      }
      LocalHub.Settings settings =
          new LocalHub.Settings(
              root,
              binaries.get(),
              (results != null ? results : root.resolve(".lab/results")).toAbsolutePath(),
              javaCommand(),
              System.getProperty("java.class.path"),
              timeFactor);
      try {
        LocalHub.Status status = LocalHub.up(where.folder(), settings, err);
        err.println(
            "hub: up at "
                + status.apiServer()
                + " (RBAC on); Crossplane, ArgoCD, Argo Workflows and Prometheus are SIMULATED");
        err.println(
            "hub: then: kubectl get experiments -w; ./lab submit hello-app; ./lab hub down");
        err.flush();
        out.println("export KUBECONFIG=" + where.folder().kubeconfig());
        out.flush();
        return ExitCodes.OK;
      } catch (HubException e) {
        err.println("hub up: " + e.getMessage() + " (" + e.hint() + ")");
        err.flush();
        return ExitCodes.FAILED;
      }
    }
  }

  @Command(
      name = "down",
      mixinStandardHelpOptions = true,
      description = "Stops every process up started and removes the hub's folder.")
  static final class Down implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Where where = new Where();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      List<String> stopped = LocalHub.down(where.folder());
      err.println(
          stopped.isEmpty()
              ? "hub: nothing was running"
              : "hub: stopped " + String.join(", ", stopped));
      err.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Says what runs; exit 0 when everything does.")
  static final class Status implements java.util.concurrent.Callable<Integer> {
    @Spec CommandSpec spec;
    @picocli.CommandLine.Mixin Where where = new Where();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      HubFolder folder = where.folder();
      Optional<LocalHub.Status> status = LocalHub.statusOf(folder);
      if (status.isEmpty()) {
        out.println("hub: not up (no hub in " + folder.root() + "; start one with ./lab hub up)");
        out.flush();
        return ExitCodes.FAILED;
      }
      LocalHub.Status s = status.get();
      out.println("hub in " + folder.root() + ": " + (s.running() ? "running" : "NOT all running"));
      for (HubProcess process : s.processes()) {
        out.println(line(process, s));
      }
      out.println("export KUBECONFIG=" + folder.kubeconfig());
      out.flush();
      return s.running() && s.apiServerReady() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static String line(HubProcess process, LocalHub.Status status) {
      String extra =
          switch (process.name()) {
            case "kube-apiserver" ->
                "  " + status.apiServer() + (status.apiServerReady() ? " (ready)" : " (not ready)");
            case "operator" -> "  (with Crossplane, ArgoCD, Argo Workflows, Prometheus SIMULATED)";
            default -> "";
          };
      return String.format(
          "  %-24s %-8s pid %d%s",
          process.name(), process.running() ? "running" : "stopped", process.pid(), extra);
    }
  }

  /**
   * The binaries folder from {@code tools/build.sh --print kube} run in {@code env}; else its
   * one-line hint (how to build them) on {@code err}.
   */
  static Optional<Path> binaries(Path root, Map<String, String> env, PrintWriter err) {
    Path script = root.resolve("tools/build.sh");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(script.toString(), "--print", "kube").directory(root.toFile());
      builder.environment().clear();
      builder.environment().putAll(env);
      Process print = builder.start();
      print.getOutputStream().close();
      String out = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String hint = new String(print.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (print.waitFor(30, TimeUnit.SECONDS) && print.exitValue() == 0) {
        List<String> lines = out.strip().lines().toList();
        return Optional.of(Path.of(lines.get(lines.size() - 1)));
      }
      err.println("hub up: " + hint.strip());
    } catch (IOException e) {
      err.println(
          "hub up: cannot run "
              + script
              + ": "
              + e.getMessage()
              + " (is this a lab checkout? see --root)");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.flush();
    return Optional.empty();
  }

  private static String javaCommand() {
    return ProcessHandle.current()
        .info()
        .command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
