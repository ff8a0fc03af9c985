package io.illm.lab.cli.submit;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.model.Experiment;
import io.illm.lab.rules.Problem;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./lab submit} says when a cluster does not do what it asked: each problem with where
 * it comes from (the file, or the kube context) and the fix. Pure, but for {@link #crdMissing}.
 */
public final class ClusterProblems {

  private ClusterProblems() {}

  /** The API group's discovery document: a problem when the CRD is not installed. */
  public static Optional<Problem> crdMissing(KubernetesClient client, KubeContext kube) {
    APIResourceList resources = client.getApiResources(Experiment.API_VERSION);
    boolean served =
        resources != null
            && resources.getResources() != null
            && resources.getResources().stream().anyMatch(r -> "experiments".equals(r.getName()));
    return served
        ? Optional.empty()
        : Optional.of(
            Problem.error(
                where(kube),
                "",
                "the cluster at "
                    + kube.server()
                    + " does not serve "
                    + Experiment.API_VERSION
                    + " experiments",
                "install the CRDs: kubectl apply -f generated-crds/ (and the operator), or pick another cluster with"
                    + " --context"));
  }

  /** An experiment of that name is there already, and what to do about it. */
  public static Problem exists(String label, Experiment existing, KubeContext kube) {
    String name = existing.getMetadata().getName();
    String ns = existing.getMetadata().getNamespace();
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
            + Progress.phase(existing)
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

  /** A 409 on create, with nothing of that name there any more: someone else was quicker. */
  public static Problem createdMeanwhile(String label, String name, String ns) {
    return Problem.error(
        label,
        "metadata.name",
        "an Experiment " + name + " was created in " + ns + " at the same time",
        "submit again once it is gone, or with another metadata.name");
  }

  /**
   * The API server's own validation said no (its CRD's schema or CEL rules): each cause as a
   * problem at its field, since the local validation passed and the two disagree.
   */
  public static List<Problem> rejected(
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

  /** The cluster does not answer, or refuses the credentials. */
  public static Problem unreachable(KubeContext kube, KubernetesClientException e) {
    int code = e.getCode();
    if (code == 401 || code == 403) {
      return Problem.error(
          where(kube),
          "",
          "the cluster at " + kube.server() + " refused: HTTP " + code + ", " + statusMessage(e),
          code == 401
              ? "log in again (your token or certificate is not accepted)"
              : "ask for create/get/watch rights on experiments.experiments.illm.io: kubectl auth can-i create"
                  + " experiments.experiments.illm.io");
    }
    String cause = code > 0 ? "HTTP " + code + ", " + statusMessage(e) : noAnswer(e);
    return Problem.error(
        where(kube),
        "",
        "cannot reach the cluster at " + kube.server() + ": " + cause,
        "is the cluster up? kubectl --context "
            + kube.name()
            + " get ns; or pick another with --context/--kubeconfig");
  }

  /** The cluster went away while {@code --replace} waited for the old experiment to go. */
  static Problem lostWhileDeleting(KubeContext kube, String name, String ns, Throwable cause) {
    return Problem.error(
        where(kube),
        "",
        "lost the cluster while waiting for the old "
            + name
            + " to be deleted: "
            + cause.getMessage(),
        "check with kubectl get experiment " + name + " -n " + ns);
  }

  /** The watch on a created experiment was lost for good; it may still be running. */
  static Problem lostWatch(KubeContext kube, String name, String ns, String reason) {
    return Problem.error(
        where(kube),
        "",
        "lost the watch on " + ns + "/" + name + ": " + reason,
        "the experiment may still be running: kubectl get experiment "
            + name
            + " -n "
            + ns
            + " -w");
  }

  private static String where(KubeContext kube) {
    return "kube context " + kube.name();
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
}
