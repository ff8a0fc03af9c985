package io.illm.lab.cli.submit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.ExperimentChoice;
import io.illm.lab.cli.ProblemsJson;
import io.illm.lab.cli.follow.Follower;
import io.illm.lab.cli.follow.Follower.Deleted;
import io.illm.lab.cli.follow.Follower.Ended;
import io.illm.lab.cli.follow.Follower.Lost;
import io.illm.lab.cli.follow.Follower.Outcome;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.cli.follow.Tutorials;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
public final class SubmitCommand implements Callable<Integer> {

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
  private final Tutorials.Notice tutorial = new Tutorials.Notice();

  public SubmitCommand() {
    this(Clock.systemUTC());
  }

  SubmitCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Integer call() throws InterruptedException {
    ExperimentChoice.Chosen chosen = choice.choose("submit");
    chosen.note().ifPresent(note -> err().println("submit: " + note));
    List<Problem> problems = new ArrayList<>(chosen.problems());
    chosen
        .experiment()
        .ifPresent(
            e ->
                problems.addAll(namespaceProblems(chosen.label(), e.getMetadata().getNamespace())));
    if (chosen.experiment().isEmpty() || problems.stream().anyMatch(Problem::isError)) {
      return stop(ExitCodes.INVALID, choice.argument(), problems);
    }
    problems.forEach(err()::println); // warnings
    Experiment experiment = chosen.experiment().get();
    experiment.getMetadata().setNamespace(namespaceOf(experiment));
    return connect(experiment, chosen.label());
  }

  /** What is wrong with {@code --namespace}, alone or against the file's {@code declared} one. */
  private List<Problem> namespaceProblems(String label, String declared) {
    List<Problem> problems = new ArrayList<>();
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
    return problems;
  }

  /** {@code --namespace}, else the file's, else {@link #DEFAULT_NAMESPACE}. */
  private String namespaceOf(Experiment experiment) {
    return namespace != null
        ? namespace
        : Optional.ofNullable(experiment.getMetadata().getNamespace()).orElse(DEFAULT_NAMESPACE);
  }

  /** Chooses the kube context, connects, and submits. */
  private int connect(Experiment experiment, String label) throws InterruptedException {
    KubeContext.Chosen chosen = KubeContext.choose(kubeconfig, context);
    if (chosen.context().isEmpty()) {
      int code = chosen.usage() ? ExitCodes.INVALID : ExitCodes.UNREACHABLE;
      return stop(code, choice.argument(), List.of(chosen.problem().orElseThrow()));
    }
    KubeContext kube = chosen.context().get();
    kube.config().setRequestRetryBackoffLimit(RETRIES);
    try (KubernetesClient client = kube.connect()) {
      return submit(client, kube, experiment, label);
    }
  }

  /** Creates the experiment, then watches it unless {@code --no-wait}. */
  private int submit(KubernetesClient client, KubeContext kube, Experiment experiment, String label)
      throws InterruptedException {
    Attempt attempt = create(client, kube, experiment, label);
    if (attempt.created().isEmpty()) {
      return attempt.exitCode();
    }
    Experiment created = attempt.created().get();
    String ns = created.getMetadata().getNamespace();
    String name = created.getMetadata().getName();
    String what = "submit: created " + ns + "/" + name + " on kube context " + kube.name();
    if (noWait) {
      err().println(what + "; follow it with kubectl get experiment " + name + " -n " + ns + " -w");
      print(created, kube);
      return ExitCodes.OK;
    }
    err().println(what + "; watching (Ctrl-C stops watching, the experiment keeps running)");
    err().flush();
    return watch(client, kube, created);
  }

  /** Creating the experiment: what was created, or the exit code of why nothing was. */
  private record Attempt(Optional<Experiment> created, int exitCode) {

    static Attempt of(Experiment created) {
      return new Attempt(Optional.of(created), ExitCodes.OK);
    }

    static Attempt stopped(int exitCode) {
      return new Attempt(Optional.empty(), exitCode);
    }
  }

  /**
   * Checks the CRD is served, deals with an experiment of that name (refused, or replaced with
   * {@code --replace}), and creates this one.
   */
  private Attempt create(
      KubernetesClient client, KubeContext kube, Experiment experiment, String label)
      throws InterruptedException {
    String name = experiment.getMetadata().getName();
    String ns = experiment.getMetadata().getNamespace();
    Resource<Experiment> resource =
        client.resources(Experiment.class).inNamespace(ns).withName(name);
    try {
      Optional<Problem> missing = ClusterProblems.crdMissing(client, kube);
      if (missing.isPresent()) {
        return Attempt.stopped(stop(ExitCodes.UNREACHABLE, name, List.of(missing.get())));
      }
      Experiment existing = resource.get();
      if (existing != null && !replace) {
        return Attempt.stopped(
            stop(ExitCodes.INVALID, name, List.of(ClusterProblems.exists(label, existing, kube))));
      }
      if (existing != null) {
        replace(resource, existing);
      }
      return Attempt.of(client.resource(experiment).create());
    } catch (KubernetesClientException e) {
      return Attempt.stopped(refused(e, resource, kube, label, experiment));
    } catch (ExecutionException e) {
      Problem lost = ClusterProblems.lostWhileDeleting(kube, name, ns, e.getCause());
      return Attempt.stopped(stop(ExitCodes.UNREACHABLE, name, List.of(lost)));
    }
  }

  /** {@code --replace}: deletes the existing experiment and waits until it is gone. */
  private void replace(Resource<Experiment> resource, Experiment existing)
      throws InterruptedException, ExecutionException {
    err()
        .println(
            "submit: deleting "
                + existing.getMetadata().getNamespace()
                + "/"
                + existing.getMetadata().getName()
                + " (phase "
                + Progress.phase(existing)
                + ") and waiting until it is gone: the operator lets it go once its clusters and children are deleted"
                + " (Ctrl-C stops waiting; the deletion goes on)");
    err().flush();
    resource.delete();
    resource.informOnCondition(List::isEmpty).get();
  }

  /** The cluster said no while creating: a conflict, its CRD refusing, or no answer. */
  private int refused(
      KubernetesClientException e,
      Resource<Experiment> resource,
      KubeContext kube,
      String label,
      Experiment experiment) {
    String name = experiment.getMetadata().getName();
    if (e.getCode() == 409) {
      Experiment existing = resource.get();
      Problem problem =
          existing == null
              ? ClusterProblems.createdMeanwhile(
                  label, name, experiment.getMetadata().getNamespace())
              : ClusterProblems.exists(label, existing, kube);
      return stop(ExitCodes.INVALID, name, List.of(problem));
    }
    if (e.getCode() == 400 || e.getCode() == 422) {
      return stop(ExitCodes.INVALID, name, ClusterProblems.rejected(label, kube, e));
    }
    return stop(ExitCodes.UNREACHABLE, name, List.of(ClusterProblems.unreachable(kube, e)));
  }

  /** Follows the created experiment until it ends; Ctrl-C says it keeps running. */
  private int watch(KubernetesClient client, KubeContext kube, Experiment created)
      throws InterruptedException {
    String name = created.getMetadata().getName();
    String ns = created.getMetadata().getNamespace();
    Thread hook = new Thread(() -> stoppedWatching(ns, name));
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Outcome outcome =
          Follower.untilItEnds(client).follow(ns, name, experiment -> print(experiment, kube));
      return ended(outcome, kube, created);
    } catch (KubernetesClientException e) {
      return lost(name, ClusterProblems.unreachable(kube, e));
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and says what happened
      }
    }
  }

  /** What Ctrl-C prints: the experiment keeps running, and how to follow or delete it. */
  private void stoppedWatching(String ns, String name) {
    err()
        .println(
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
    err().flush();
  }

  /** The exit code of a follow that ended, after its summary or its problem. */
  private int ended(Outcome outcome, KubeContext kube, Experiment created) {
    String name = created.getMetadata().getName();
    String ns = created.getMetadata().getNamespace();
    if (outcome instanceof Ended ended) {
      if (output == Output.human) {
        boolean simulated = Boolean.TRUE.equals(ended.experiment().getStatus().getSimulated());
        Progress.summary(ended.experiment(), simulated).forEach(out()::println);
        out().flush();
      }
      return ended.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }
    if (outcome instanceof Deleted deleted) {
      err()
          .println(
              "submit: "
                  + ns
                  + "/"
                  + name
                  + " was deleted while being watched, in phase "
                  + Progress.phase(deleted.experiment()));
      err().flush();
      return ExitCodes.FAILED;
    }
    // untilItEnds has no timeout: what is left is a watch lost for good
    String reason = outcome instanceof Lost lost ? lost.reason() : outcome.toString();
    return lost(name, ClusterProblems.lostWatch(kube, name, ns, reason));
  }

  /**
   * One line (or JSON object) about {@code experiment} on stdout; a tutorial's services and
   * kubeconfig commands below it when they are new (the JSON object has them in {@code tutorial}).
   */
  private void print(Experiment experiment, KubeContext kube) {
    Timeline time = new Timeline.Server(clock);
    if (output == Output.json) {
      out().println(Progress.oneLine(Progress.json(experiment, kube.name(), time)));
    } else {
      out().println(Progress.line(experiment, time));
      tutorial.next(experiment).forEach(out()::println);
    }
    out().flush();
  }

  /** Stops before anything was created: prints the problems and returns {@code code}. */
  private int stop(int code, String experiment, List<Problem> problems) {
    return report(code, experiment, problems, false);
  }

  /** Stops watching an experiment that was created: the cluster went away. */
  private int lost(String experiment, Problem problem) {
    return report(ExitCodes.UNREACHABLE, experiment, List.of(problem), true);
  }

  /**
   * Prints the problems (to stderr; with json also one object on stdout) and returns {@code code}.
   */
  private int report(int code, String experiment, List<Problem> problems, boolean submitted) {
    problems.forEach(err()::println);
    if (!submitted) {
      err().println("submit: nothing was created");
    }
    err().flush();
    if (output == Output.json) {
      out().println(Progress.oneLine(problemsJson(code, experiment, problems, submitted)));
      out().flush();
    }
    return code;
  }

  private static ObjectNode problemsJson(
      int code, String experiment, List<Problem> problems, boolean submitted) {
    ObjectNode root = LabYaml.json().createObjectNode();
    root.put("experiment", experiment);
    root.put("submitted", submitted);
    root.put("exitCode", code);
    ProblemsJson.put(root, problems);
    return root;
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }

  private PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
