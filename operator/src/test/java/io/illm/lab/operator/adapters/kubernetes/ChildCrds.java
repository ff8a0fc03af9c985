package io.illm.lab.operator.adapters.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The child CRD subsets (operator/src/main/crds, on the classpath), applied to a mock API server so
 * that status subresources exist.
 */
public final class ChildCrds {

  private ChildCrds() {}

  /** Applies every CRD subset, in file-name order. */
  public static void apply(KubernetesClient client) {
    for (String file :
        new String[] {
          "applications.argoproj.io.yaml",
          "clusterclaims.illm.io.yaml",
          "workflows.argoproj.io.yaml"
        }) {
      try (InputStream crd =
          ChildCrds.class.getResourceAsStream("/META-INF/illm-lab/child-crds/" + file)) {
        if (crd == null) {
          throw new IOException("no " + file + " on the classpath (build the operator)");
        }
        client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(c -> c.update());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
