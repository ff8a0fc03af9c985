package io.illm.lab.cli.mcp;

import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.LabFiles;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mcp}: the lab as a Model Context Protocol server for AI assistants, over stdio (or
 * streamable HTTP on loopback with {@code --http PORT}). Safe by default: reading and simulated
 * runs only; submitting and deleting need their flags, within a budget and namespace allowlist;
 * every tool call goes to an audit log.
 */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the lab to AI assistants over the Model Context Protocol (stdio; --http for HTTP).",
      "",
      "Tools: the catalogue, validate, render, run (simulated, on an embedded hub), results, compare,"
          + " the site, recording an analysis, an experiment's status on a kube context. Resources: the"
          + " docs, the CRD schemas, the catalogue. Prompts: design an experiment, explain a verdict."
          + " Nothing is submitted to or deleted from a cluster unless --allow-submit / --allow-delete"
          + " say so. Every tool call is appended to the audit log. See docs/agent.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the client closed the connection", "2:usage error; nothing was served"})
public final class McpCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--root",
      paramLabel = "DIR",
      description = "The lab checkout. Default: $LAB_ROOT, else the current directory.")
  private Path root;

  @Option(
      names = "--catalogue",
      paramLabel = "DIR",
      description = "More Components besides <root>/components; repeatable.")
  private List<Path> catalogues = new ArrayList<>();

  @Option(
      names = "--http",
      paramLabel = "PORT",
      description =
          "Serve streamable HTTP on 127.0.0.1:PORT/mcp instead of stdio (0: any free port).")
  private Integer http;

  @Option(
      names = "--allow-submit",
      description =
          "Add submit_experiment (real clusters, real cost); needs --max-budget and --namespace.")
  private boolean allowSubmit;

  @Option(
      names = "--max-budget",
      paramLabel = "USD",
      description =
          "With --allow-submit: the most one experiment's budget and estimated cost may be.")
  private Double maxBudget;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "A namespace submit and delete may touch; repeatable.")
  private List<String> namespaces = new ArrayList<>();

  @Option(
      names = "--allow-delete",
      description = "Add delete_experiment (in the --namespace namespaces only).")
  private boolean allowDelete;

  @Option(
      names = "--audit-log",
      paramLabel = "FILE",
      description =
          "Where every tool call is appended (JSON Lines). Default: <root>/"
              + AuditLog.DEFAULT_FILE
              + ".")
  private Path auditLog;

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "The kubeconfig of cluster tools. Default: $KUBECONFIG, else ~/.kube/config.")
  private Path kubeconfig;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Policy policy =
        new Policy(
            allowSubmit,
            allowDelete,
            Optional.ofNullable(maxBudget),
            new LinkedHashSet<>(namespaces));
    List<String> usage = usage(policy);
    if (!usage.isEmpty()) {
      usage.forEach(err::println);
      err.println("mcp: nothing was served");
      err.flush();
      return ExitCodes.INVALID;
    }
    LabFiles files = LabFiles.at(root);
    Lab lab =
        new Lab(files, catalogues, Optional.ofNullable(kubeconfig), policy, Clock.systemUTC());
    Path audit = auditLog != null ? auditLog : files.root().resolve(AuditLog.DEFAULT_FILE);
    Wiring wiring = Wiring.of(lab, audit, System.getenv());
    wiring.audit().started(policy.json());
    return http == null ? stdio(wiring, err) : http(wiring, err);
  }

  private List<String> usage(Policy policy) {
    List<String> usage = new ArrayList<>(policy.usageProblems());
    catalogues.stream()
        .filter(p -> !Files.isDirectory(p))
        .forEach(p -> usage.add("mcp: not a folder: " + p));
    if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
      usage.add("mcp: --kubeconfig " + kubeconfig + ": no such file");
    }
    if (http != null && (http < 0 || http > 65535)) {
      usage.add("mcp: --http " + http + ": not a port (0 to 65535)");
    }
    for (String ns : namespaces) {
      try {
        Cluster.name("namespace", ns);
      } catch (ToolFailure e) {
        usage.add("mcp: --namespace " + ns + ": not a namespace name");
      }
    }
    return usage;
  }

  /**
   * Serves stdio until the client closes it. Standard output carries only protocol messages: what
   * anything else prints goes to standard error.
   */
  private static int stdio(Wiring wiring, PrintWriter err) throws InterruptedException {
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    err.println(
        "mcp: serving " + wiring.lab().root() + " on stdio; audit log " + wiring.audit().file());
    err.flush();
    StdioServing.serve(wiring.lab(), wiring.runner(), wiring.secrets(), System.in, protocol);
    return ExitCodes.OK;
  }

  private int http(Wiring wiring, PrintWriter err) throws Exception {
    try (HttpServing serving =
        HttpServing.start(wiring.lab(), wiring.runner(), wiring.secrets(), http)) {
      err.println(
          "mcp: serving "
              + wiring.lab().root()
              + " at "
              + serving.uri()
              + "; audit log "
              + wiring.audit().file());
      err.flush();
      serving.join();
    }
    return ExitCodes.OK;
  }
}
