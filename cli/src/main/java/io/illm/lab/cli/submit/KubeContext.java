package io.illm.lab.cli.submit;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.illm.lab.cli.Suggestions;
import io.illm.lab.rules.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cluster a command talks to, chosen the way kubectl chooses it: {@code --kubeconfig FILE},
 * else {@code $KUBECONFIG}, else {@code ~/.kube/config} (fabric8's auto-configuration reads the
 * last two); {@code --context NAME}, else the file's current context.
 *
 * @param name the context's name as users know it, or a description when there is none
 * @param server the API server's URL
 * @param config the client configuration
 */
public record KubeContext(String name, String server, Config config) {

  /**
   * A YAML parser's problem and the place it marks: {@code problem\n in reader, line L, column C:}.
   */
  private static final Pattern YAML_MARK =
      Pattern.compile("(?m)^([^\\n]*)\\n in [^,\\n]*, line (\\d+), column (\\d+):");

  /** What problems with the choice are reported as coming from. */
  static final String COMMAND = "submit";

  /** The context, or the reason it cannot be used (a missing file, an unknown context). */
  public static Chosen choose(Path kubeconfig, String context) {
    if (kubeconfig != null && !Files.isRegularFile(kubeconfig)) {
      return Chosen.usage(
          "--kubeconfig " + kubeconfig + ": no such file",
          "give the path of a kubeconfig, or leave --kubeconfig out to use $KUBECONFIG or ~/.kube/config");
    }
    Config config;
    try {
      config =
          kubeconfig != null
              ? Config.fromKubeconfig(context, kubeconfig.toFile())
              : Config.autoConfigure(context);
    } catch (RuntimeException e) {
      // fabric8 passes the YAML parser's exception on: several lines with a caret drawing
      return Chosen.problem(
          "cannot read the kubeconfig"
              + (kubeconfig == null ? "" : " " + kubeconfig)
              + ": "
              + oneLine(e),
          "check the file with kubectl config view");
    }
    return choose(config, kubeconfig, context);
  }

  /** The context {@code context} (else the current one) of a kubeconfig that could be read. */
  private static Chosen choose(Config config, Path kubeconfig, String context) {
    List<String> known =
        config.getContexts() == null
            ? List.of()
            : config.getContexts().stream().map(NamedContext::getName).sorted().toList();
    Optional<String> current =
        Optional.ofNullable(config.getCurrentContext()).map(NamedContext::getName);
    if (context != null && !current.filter(context::equals).isPresent()) {
      List<String> close = Suggestions.closest(context, known);
      return Chosen.usage(
          "--context " + context + ": no such context in " + source(kubeconfig),
          known.isEmpty()
              ? "the kubeconfig has no contexts"
              : (close.isEmpty() ? "" : "did you mean " + String.join(" or ", close) + "? ")
                  + "contexts: "
                  + String.join(", ", known));
    }
    if (current.isEmpty()
        && known.isEmpty()
        && kubeconfig == null
        && !Config.getKubeconfigFilenames().stream().map(Path::of).anyMatch(Files::isRegularFile)) {
      return Chosen.problem(
          "no kube context: no kubeconfig at " + source(null),
          "point KUBECONFIG or --kubeconfig at a kubeconfig, e.g. the one your cluster's installer wrote");
    }
    String name = current.orElse("(no context, server " + config.getMasterUrl() + ")");
    return new Chosen(
        Optional.of(new KubeContext(name, config.getMasterUrl(), config)), Optional.empty(), false);
  }

  /**
   * A parser's message on one line: {@code not valid YAML at line 3, column 9: expected ',' or '}'}
   * for a YAML error (its last marked problem), else the message's first line.
   */
  static String oneLine(Throwable e) {
    String text = String.valueOf(e.getMessage());
    Matcher marked = YAML_MARK.matcher(text);
    String found = null;
    while (marked.find()) {
      found =
          "not valid YAML at line "
              + marked.group(2)
              + ", column "
              + marked.group(3)
              + ": "
              + marked.group(1).strip();
    }
    return found != null ? found : text.lines().findFirst().orElse(e.getClass().getSimpleName());
  }

  /** A client for this context; the caller closes it. */
  public KubernetesClient connect() {
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  private static String source(Path kubeconfig) {
    if (kubeconfig != null) {
      return kubeconfig.toString();
    }
    String env = System.getenv("KUBECONFIG");
    return env != null && !env.isBlank() ? "$KUBECONFIG (" + env + ")" : "~/.kube/config";
  }

  /**
   * The outcome of choosing: a context, or what is wrong.
   *
   * @param context the context, when it can be used
   * @param problem what is wrong and how to fix it, otherwise
   * @param usage true when the options are wrong (not the machine's kube configuration)
   */
  public record Chosen(Optional<KubeContext> context, Optional<Problem> problem, boolean usage) {

    /** The configuration is missing or broken. */
    static Chosen problem(String message, String hint) {
      return new Chosen(
          Optional.empty(), Optional.of(Problem.error(COMMAND, "", message, hint)), false);
    }

    /** An option names what is not there. */
    static Chosen usage(String message, String hint) {
      return new Chosen(
          Optional.empty(), Optional.of(Problem.error(COMMAND, "", message, hint)), true);
    }
  }
}
