package io.illm.lab.cli.follow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.KubeconfigSecret;
import io.illm.lab.model.Phase;
import io.illm.lab.model.TutorialServiceStatus;
import io.illm.lab.model.TutorialStatus;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a tutorial's learner is told by {@code ./lab run} and {@code ./lab submit} once the
 * experiment is Ready: the services to open and, per cloud target, the command that fetches its
 * kubeconfig from the Secret the operator wrote ({@code status.tutorial}). Pure formatting.
 */
public final class Tutorials {

  private Tutorials() {}

  /** What identifies the tutorial's state worth showing again; empty without a tutorial. */
  static String key(ExperimentStatus s) {
    TutorialStatus t = s == null ? null : s.getTutorial();
    if (t == null) {
      return "";
    }
    StringBuilder key = new StringBuilder();
    services(t).forEach(v -> key.append(v.getName()).append('=').append(v.getReady()).append(','));
    secrets(t).forEach(k -> key.append(k.getSecret()).append(','));
    return key.toString();
  }

  /**
   * The lines for a learner, while the experiment is Ready or Running (or has ended with its
   * Secrets still there): empty otherwise.
   */
  public static List<String> lines(Experiment experiment) {
    ExperimentStatus s = experiment.getStatus();
    if (!showing(s)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    List<TutorialServiceStatus> services = services(s.getTutorial());
    if (!services.isEmpty()) {
      lines.add(
          "tutorial: services to open (in-cluster addresses; kubectl port-forward reaches them):");
      int width = services.stream().mapToInt(v -> v.getName().length()).max().orElse(0);
      for (TutorialServiceStatus v : services) {
        lines.add(
            "  "
                + pad(v.getName(), width)
                + "  "
                + v.getTarget()
                + "  "
                + v.getEndpoint()
                + "  "
                + (Boolean.TRUE.equals(v.getReady()) ? "ready" : "not ready yet"));
      }
    }
    for (KubeconfigSecret k : secrets(s.getTutorial())) {
      lines.add(
          "tutorial: kubeconfig of " + k.getTarget() + ": " + fetch(namespace(experiment, k), k));
    }
    return lines;
  }

  /**
   * The same as JSON: {@code {"services": [{name, target, endpoint, ready}], "kubeconfigs":
   * [{target, secret, namespace, command}]}}, or null without a tutorial.
   */
  public static JsonNode json(Experiment experiment) {
    ExperimentStatus s = experiment.getStatus();
    if (s == null || s.getTutorial() == null) {
      return NullNode.getInstance();
    }
    ObjectNode root = LabYaml.json().createObjectNode();
    var services = root.putArray("services");
    for (TutorialServiceStatus v : services(s.getTutorial())) {
      services
          .addObject()
          .put("name", v.getName())
          .put("target", v.getTarget())
          .put("endpoint", v.getEndpoint())
          .put("ready", Boolean.TRUE.equals(v.getReady()));
    }
    var kubeconfigs = root.putArray("kubeconfigs");
    for (KubeconfigSecret k : secrets(s.getTutorial())) {
      kubeconfigs
          .addObject()
          .put("target", k.getTarget())
          .put("secret", k.getSecret())
          .put("namespace", namespace(experiment, k))
          .put("command", fetch(namespace(experiment, k), k));
    }
    return root;
  }

  /**
   * The Secret's namespace as recorded (the claims'); an entry without one was written by an
   * operator that kept the Secret beside the experiment (before ADR-040 was narrowed).
   */
  static String namespace(Experiment experiment, KubeconfigSecret k) {
    return k.getNamespace() != null ? k.getNamespace() : experiment.getMetadata().getNamespace();
  }

  /** The command that writes target's kubeconfig to {@code <target>.kubeconfig}. */
  static String fetch(String namespace, KubeconfigSecret k) {
    return "kubectl get secret "
        + k.getSecret()
        + Optional.ofNullable(namespace).map(ns -> " -n " + ns).orElse("")
        + " -o jsonpath='{.data."
        + KubeconfigSecret.KEY
        + "}' | base64 -d > "
        + k.getTarget()
        + ".kubeconfig";
  }

  private static boolean showing(ExperimentStatus s) {
    if (s == null || s.getTutorial() == null) {
      return false;
    }
    Phase phase = Progress.phaseOf(s);
    boolean ended = phase == Phase.COMPLETE || phase == Phase.FAILED;
    return phase == Phase.READY
        || phase == Phase.RUNNING
        || ended
            && !Boolean.TRUE.equals(s.getResourcesCleaned())
            && !secrets(s.getTutorial()).isEmpty();
  }

  private static List<TutorialServiceStatus> services(TutorialStatus t) {
    return t.getServices() == null
        ? List.of()
        : t.getServices().stream().filter(v -> v != null && v.getName() != null).toList();
  }

  private static List<KubeconfigSecret> secrets(TutorialStatus t) {
    return t.getKubeconfigSecrets() == null
        ? List.of()
        : t.getKubeconfigSecrets().stream()
            .filter(k -> k != null && k.getSecret() != null)
            .toList();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  /**
   * Remembers what was shown: {@link #next} gives the lines once, and again only when the
   * tutorial's state changed (a service became ready, a Secret was recorded).
   */
  public static final class Notice {
    private String shown = "";

    /** The lines to show now, if the learner has not seen them yet. */
    public List<String> next(Experiment experiment) {
      List<String> lines = lines(experiment);
      String key = key(experiment.getStatus());
      if (lines.isEmpty() || key.equals(shown)) {
        return List.of();
      }
      shown = key;
      return lines;
    }
  }
}
