package io.illm.lab.operator.adapters;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The child CRD subsets (src/main/crds), applied to a mock API server so that status subresources
 * exist.
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
      try (InputStream crd = Files.newInputStream(Path.of("src/main/crds", file))) {
        client.apiextensions().v1().customResourceDefinitions().load(crd).createOr(c -> c.update());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
