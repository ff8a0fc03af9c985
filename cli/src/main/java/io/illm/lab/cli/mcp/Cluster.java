package io.illm.lab.cli.mcp;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.illm.lab.cli.submit.ClusterProblems;
import io.illm.lab.cli.submit.KubeContext;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The cluster of a kube context named in a tool call: chosen as {@code ./lab submit} chooses it,
 * from the server's kubeconfig ({@code --kubeconfig}, else $KUBECONFIG, else ~/.kube/config).
 * Nothing of the kubeconfig but the context's name and server URL ever appears in a result.
 */
final class Cluster {

  /** A Kubernetes name (RFC 1123 label). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Where experiments go when neither the call nor the file says, as for {@code ./lab submit}. */
  static final String DEFAULT_NAMESPACE = "experiments";

  /** Talks to one cluster; the caller closes the client. */
  @FunctionalInterface
  interface Work<T> {
    T with(KubernetesClient client, KubeContext kube) throws ToolFailure, InterruptedException;
  }

  private Cluster() {}

  /** Runs {@code work} against the context; a cluster that does not answer is a tool error. */
  static <T> T with(Lab lab, String context, Work<T> work)
      throws ToolFailure, InterruptedException {
    KubeContext.Chosen chosen = KubeContext.choose(lab.kubeconfig().orElse(null), context);
    if (chosen.context().isEmpty()) {
      throw ToolFailure.error(List.of(chosen.problem().orElseThrow()));
    }
    KubeContext kube = chosen.context().get();
    kube.config().setRequestRetryBackoffLimit(1);
    try (KubernetesClient client = kube.connect()) {
      return work.with(client, kube);
    } catch (KubernetesClientException e) {
      throw ToolFailure.error(List.of(ClusterProblems.unreachable(kube, e)));
    }
  }

  /** A namespace or experiment name argument, checked. */
  static String name(String argument, String value) throws ToolFailure {
    if (!NAME.matcher(value).matches()) {
      throw ToolFailure.error(
          argument,
          argument + " " + value + ": not a Kubernetes name",
          "lowercase letters, digits and '-', at most 63, starting and ending with a letter or digit");
    }
    return value;
  }
}
