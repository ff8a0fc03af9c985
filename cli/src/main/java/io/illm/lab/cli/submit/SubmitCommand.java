package io.illm.lab.cli.submit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.illm.lab.cli.ExperimentChoice;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.cli.Subcommand;
import io.illm.lab.cli.submit.StatusWatch.Change;
import io.illm.lab.cli.submit.StatusWatch.Deleted;
import io.illm.lab.cli.submit.StatusWatch.Lost;
import io.illm.lab.cli.submit.StatusWatch.Updated;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.Phase;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code submit EXPERIMENT}: validates an experiment, creates it on the cluster of the current kube
 * context, and watches it until it ends, one line per change.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    exitCodeOnInvalidInput = SubmitCommand.INVALID,
    exitCodeOnExecutionException = SubmitCommand.FAILED,
    description = {
      "Creates an experiment on a Kubernetes cluster and watches it until it is Complete or Failed.",
      "",
      "The experiment is validated first; with any problem nothing is created. The cluster is the"
          + " current context of $KUBECONFIG or ~/.kube/config (or --kubeconfig, --context). The operator"
          + " and the CRDs must be installed there. One line per change goes to stdout (phase, step,"
          + " per-target state, elapsed time, time left before the current phase's deadline)."
          + " Ctrl-C stops watching; the experiment keeps running on the cluster."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the experiment ended Complete (with --no-wait: it was created)",
      "1:it ended Failed, or was deleted while watched",
      "2:invalid experiment or usage, the cluster's CRD refuses it, or an experiment of that name exists;"
          + " nothing was created",
      "3:the cluster cannot be reached, refuses the credentials, or lacks the CRDs (nothing was created);"
          + " or the watch was lost for good (the experiment keeps running)"
    })
public final class SubmitCommand implements Callable<Integer>, Subcommand {

  public static final int COMPLETE = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;
  public static final int UNREACHABLE = 3;

  /** Where experiments go when neither the file nor {@code --namespace} says. */
  public static final String DEFAULT_NAMESPACE = "experiments";

  /** A Kubernetes namespace name (an RFC 1123 label). */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** How often a failed request is retried before the cluster counts as unreachable. */
  static final int RETRIES = 2;

  /** Output formats; lowercase because picocli lists the constants as the values users type. */
  public enum Output {
    human,
    json
  }

  @Spec private CommandSpec spec;

  @Mixin private ExperimentChoice choice = new ExperimentChoice();

  @Option(
      names = "--kubeconfig",
      paramLabel = "FILE",
      description = "The kubeconfig. Default: $KUBECONFIG, else ~/.kube/config.")
  private Path kubeconfig;

  @Option(
      names = "--context",
      paramLabel = "NAME",
      description = "The kube context. Default: the current one.")
  private String context;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description =
          "The namespace. Default: the experiment's metadata.namespace, else "
              + DEFAULT_NAMESPACE
              + ".")
  private String namespace;

  @Option(
      names = "--no-wait",
      description = "Return once the experiment is created; do not watch it.")
  private boolean noWait;

  @Option(
      names = "--replace",
      description =
          "If an experiment of that name exists, delete it first and wait until its cleanup is"
              + " done (its clusters are deleted), then create this one.")
  private boolean replace;

  @Option(
      names = "--output",
      paramLabel = "FORMAT",
      defaultValue = "human",
      description =
          "human, or json: one JSON object per line on stdout, one per change (with --no-wait: one)."
              + " Default: ${DEFAULT-VALUE}.")
  private Output output = Output.human;

  private final Clock clock;

  public SubmitCommand() {
    this(Clock.systemUTC());
  }

  SubmitCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws JsonProcessingException, InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<String> usage = choice.usageProblems("submit");
    if (!usage.isEmpty()) {
      // each usage line starts with "submit: " already
      return stop(
          out,
          err,
          INVALID,
          choice.argument(),
          usage.stream().map(u -> Problem.error("", "", u, "")).toList());
    }
    Path file = choice.file().orElseThrow();
    String label = LabFiles.display(file);
    List<Problem> problems = new ArrayList<>();
    Experiment experiment = LabFiles.load(file, label, choice.catalogue(), problems);
    if (experiment != null) {
      String declared = experiment.getMetadata().getNamespace();
      if (namespace != null && !NAMESPACE.matcher(namespace).matches()) {
        problems.add(
            Problem.error(
                "submit",
                "",
                "--namespace " + namespace + ": not a namespace name",
                "lowercase letters, digits and '-', at most 63, starting and ending with a letter or digit"));
      }
      if (namespace != null && declared != null && !namespace.equals(declared)) {
        problems.add(
            Problem.error(
                label,
                "metadata.namespace",
                "the experiment says namespace " + declared + " but --namespace says " + namespace,
                "drop --namespace, or pass --namespace " + declared));
      }
    }
    if (experiment == null || problems.stream().anyMatch(Problem::isError)) {
      return stop(out, err, INVALID, choice.argument(), problems);
    }
    problems.forEach(err::println); // warnings
    String ns =
        namespace != null
            ? namespace
            : Optional.ofNullable(experiment.getMetadata().getNamespace())
                .orElse(DEFAULT_NAMESPACE);
    experiment.getMetadata().setNamespace(ns);

    KubeContext.Chosen chosen = KubeContext.choose(kubeconfig, context);
    if (chosen.context().isEmpty()) {
      return stop(
          out,
          err,
          chosen.usage() ? INVALID : UNREACHABLE,
          choice.argument(),
          List.of(chosen.problem().orElseThrow()));
    }
    KubeContext kube = chosen.context().get();
    kube.config().setRequestRetryBackoffLimit(RETRIES);
    try (KubernetesClient client = kube.connect()) {
      return submit(client, kube, experiment, label, out, err);
    }
  }

  private int submit(
      KubernetesClient client,
      KubeContext kube,
      Experiment experiment,
      String label,
      PrintWriter out,
      PrintWriter err)
      throws JsonProcessingException, InterruptedException {
    String name = experiment.getMetadata().getName();
    String ns = experiment.getMetadata().getNamespace();
    String where = "kube context " + kube.name();
    Resource<Experiment> resource =
        client.resources(Experiment.class).inNamespace(ns).withName(name);
    Experiment created;
    try {
      Optional<Problem> missing = crdMissing(client, where, kube);
      if (missing.isPresent()) {
        return stop(out, err, UNREACHABLE, name, List.of(missing.get()));
      }
      Experiment existing = resource.get();
      if (existing != null && !replace) {
        return stop(out, err, INVALID, name, List.of(exists(label, existing, kube)));
      }
      if (existing != null) {
        err.println(
            "submit: deleting "
                + ns
                + "/"
                + name
                + " (phase "
                + Progress.phase(existing)
                + ") and waiting until it is gone: the operator lets it go once its clusters and children are deleted"
                + " (Ctrl-C stops waiting; the deletion goes on)");
        err.flush();
        resource.delete();
        resource.informOnCondition(List::isEmpty).get();
      }
      created = client.resource(experiment).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        Experiment existing = resource.get();
        return stop(
            out,
            err,
            INVALID,
            name,
            List.of(
                existing == null
                    ? Problem.error(
                        label,
                        "metadata.name",
                        "an Experiment " + name + " was created in " + ns + " at the same time",
                        "submit again once it is gone, or with another metadata.name")
                    : exists(label, existing, kube)));
      }
      if (e.getCode() == 400 || e.getCode() == 422) {
        return stop(out, err, INVALID, name, rejected(label, kube, e));
      }
      return stop(out, err, UNREACHABLE, name, List.of(unreachable(where, kube, e)));
    } catch (ExecutionException e) {
      return stop(
          out,
          err,
          UNREACHABLE,
          name,
          List.of(
              Problem.error(
                  where,
                  "",
                  "lost the cluster while waiting for the old "
                      + name
                      + " to be deleted: "
                      + e.getCause().getMessage(),
                  "check with kubectl get experiment " + name + " -n " + ns)));
    }
    if (noWait) {
      err.println(
          "submit: created "
              + ns
              + "/"
              + name
              + " on "
              + where
              + "; follow it with kubectl get experiment "
              + name
              + " -n "
              + ns
              + " -w");
      print(out, created, kube);
      return COMPLETE;
    }
    err.println(
        "submit: created "
            + ns
            + "/"
            + name
            + " on "
            + where
            + "; watching (Ctrl-C stops watching,"
            + " the experiment keeps running)");
    err.flush();
    return watch(client, kube, created, out, err);
  }

  private int watch(
      KubernetesClient client,
      KubeContext kube,
      Experiment created,
      PrintWriter out,
      PrintWriter err)
      throws JsonProcessingException, InterruptedException {
    String name = created.getMetadata().getName();
    String ns = created.getMetadata().getNamespace();
    Thread hook =
        new Thread(
            () -> {
              err.println(
                  "submit: stopped watching; "
                      + ns
                      + "/"
                      + name
                      + " keeps running (kubectl get experiment "
                      + name
                      + " -n "
                      + ns
                      + " -w; delete it with kubectl delete experiment "
                      + name
                      + " -n "
                      + ns
                      + ")");
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try (StatusWatch watch = new StatusWatch(client, ns, name)) {
      String shown = null;
      while (true) {
        Change change = watch.next();
        if (change instanceof Updated u) {
          String key = Progress.key(u.experiment());
          if (!key.equals(shown)) {
            shown = key;
            print(out, u.experiment(), kube);
          }
          if (Progress.terminal(u.experiment())) {
            if (output == Output.human) {
              Progress.summary(u.experiment()).forEach(out::println);
              out.flush();
            }
            return Progress.phase(u.experiment()) == Phase.COMPLETE ? COMPLETE : FAILED;
          }
        } else if (change instanceof Deleted d) {
          err.println(
              "submit: "
                  + ns
                  + "/"
                  + name
                  + " was deleted while being watched, in phase "
                  + Progress.phase(d.experiment()));
          err.flush();
          return FAILED;
        } else if (change instanceof Lost l) {
          return lost(
              out,
              err,
              name,
              Problem.error(
                  "kube context " + kube.name(),
                  "",
                  "lost the watch on " + ns + "/" + name + ": " + l.reason(),
                  "the experiment may still be running: kubectl get experiment "
                      + name
                      + " -n "
                      + ns
                      + " -w"));
        }
      }
    } catch (KubernetesClientException e) {
      return lost(out, err, name, unreachable("kube context " + kube.name(), kube, e));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and says what happened
      }
    }
  }

  /** The API group's discovery document: absent when the CRD is not installed. */
  private static Optional<Problem> crdMissing(
      KubernetesClient client, String where, KubeContext kube) {
    APIResourceList resources = client.getApiResources(Experiment.API_VERSION);
    boolean served =
        resources != null
            && resources.getResources() != null
            && resources.getResources().stream().anyMatch(r -> "experiments".equals(r.getName()));
    return served
        ? Optional.empty()
        : Optional.of(
            Problem.error(
                where,
                "",
                "the cluster at "
                    + kube.server()
                    + " does not serve "
                    + Experiment.API_VERSION
                    + " experiments",
                "install the CRDs: kubectl apply -f generated-crds/ (and the operator), or pick another cluster with"
                    + " --context"));
  }

  private static Problem exists(String label, Experiment existing, KubeContext kube) {
    String name = existing.getMetadata().getName();
    String ns = existing.getMetadata().getNamespace();
    Phase phase = Progress.phase(existing);
    return Problem.error(
        label,
        "metadata.name",
        "an Experiment "
            + name
            + " already exists in namespace "
            + ns
            + " of kube context "
            + kube.name()
            + " (phase "
            + phase
            + ", created "
            + existing.getMetadata().getCreationTimestamp()
            + ")",
        "pass --replace to delete it (and its clusters) and submit this one, delete it yourself with kubectl delete"
            + " experiment "
            + name
            + " -n "
            + ns
            + ", or change metadata.name");
  }

  /**
   * The API server's own validation said no (its CRD's schema or CEL rules): each cause as a
   * problem at its field, since the local validation passed and the two disagree.
   */
  private static List<Problem> rejected(
      String label, KubeContext kube, KubernetesClientException e) {
    String hint =
        "the cluster's CRD rejected what ./lab validate accepted: is it older than generated-crds/?"
            + " kubectl --context "
            + kube.name()
            + " apply -f generated-crds/";
    List<StatusCause> causes =
        e.getStatus() == null
                || e.getStatus().getDetails() == null
                || e.getStatus().getDetails().getCauses() == null
            ? List.of()
            : e.getStatus().getDetails().getCauses();
    if (causes.isEmpty()) {
      return List.of(
          Problem.error(
              label,
              "",
              "the cluster refused the experiment: HTTP " + e.getCode() + ", " + statusMessage(e),
              hint));
    }
    return causes.stream()
        .map(
            c ->
                Problem.error(
                    label,
                    c.getField() == null ? "" : c.getField(),
                    "the cluster refused it: " + c.getMessage(),
                    hint))
        .sorted(Problem.ORDER)
        .toList();
  }

  private static Problem unreachable(String where, KubeContext kube, KubernetesClientException e) {
    int code = e.getCode();
    if (code == 401 || code == 403) {
      return Problem.error(
          where,
          "",
          "the cluster at " + kube.server() + " refused: HTTP " + code + ", " + statusMessage(e),
          code == 401
              ? "log in again (your token or certificate is not accepted)"
              : "ask for create/get/watch rights on experiments.experiments.illm.io: kubectl auth can-i create"
                  + " experiments.experiments.illm.io");
    }
    String cause = code > 0 ? "HTTP " + code + ", " + statusMessage(e) : noAnswer(e);
    return Problem.error(
        where,
        "",
        "cannot reach the cluster at " + kube.server() + ": " + cause,
        "is the cluster up? kubectl --context "
            + kube.name()
            + " get ns; or pick another with --context/--kubeconfig");
  }

  private static String statusMessage(KubernetesClientException e) {
    return e.getStatus() != null && e.getStatus().getMessage() != null
        ? e.getStatus().getMessage()
        : e.getMessage();
  }

  /** Why a request got no answer, in words: the first cause in the chain that says. */
  static String noAnswer(Throwable e) {
    for (Throwable cause = e;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof java.net.ConnectException) {
        return "connection refused";
      }
      if (cause instanceof java.net.UnknownHostException) {
        return "unknown host " + cause.getMessage();
      }
      if (cause instanceof javax.net.ssl.SSLException) {
        return "TLS failed: " + cause.getMessage();
      }
      if (cause instanceof java.net.http.HttpTimeoutException
          || cause instanceof java.net.SocketTimeoutException) {
        return "timed out";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : String.valueOf(e.getMessage());
  }

  private void print(PrintWriter out, Experiment experiment, KubeContext kube)
      throws JsonProcessingException {
    if (output == Output.json) {
      out.println(
          LabYaml.json()
              .writeValueAsString(Progress.json(experiment, kube.name(), clock.instant())));
    } else {
      out.println(Progress.line(experiment, clock.instant()));
    }
    out.flush();
  }

  /** Stops before anything was created: prints the problems and returns {@code code}. */
  private int stop(
      PrintWriter out, PrintWriter err, int code, String experiment, List<Problem> problems)
      throws JsonProcessingException {
    return report(out, err, code, experiment, problems, false);
  }

  /** Stops watching an experiment that was created: the cluster went away. */
  private int lost(PrintWriter out, PrintWriter err, String experiment, Problem problem)
      throws JsonProcessingException {
    return report(out, err, UNREACHABLE, experiment, List.of(problem), true);
  }

  /**
   * Prints the problems (to stderr; with json also one object on stdout) and returns {@code code}.
   */
  private int report(
      PrintWriter out,
      PrintWriter err,
      int code,
      String experiment,
      List<Problem> problems,
      boolean submitted)
      throws JsonProcessingException {
    problems.forEach(err::println);
    if (!submitted) {
      err.println("submit: nothing was created");
    }
    err.flush();
    if (output == Output.json) {
      ObjectNode root = LabYaml.json().createObjectNode();
      root.put("experiment", experiment);
      root.put("submitted", submitted);
      root.put("exitCode", code);
      ArrayNode list = root.putArray("problems");
      for (Problem problem : problems) {
        list.addObject()
            .put("file", problem.file())
            .put("path", problem.path())
            .put("severity", problem.severity().name().toLowerCase(Locale.ROOT))
            .put("message", problem.message())
            .put("hint", problem.hint());
      }
      out.println(LabYaml.json().writeValueAsString(root));
      out.flush();
    }
    return code;
  }
}
