package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.examples.Maven.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Maven route to the command line, in this repository, as it is written there: a
 * reactor build up to dsl-examples, then {@code exec:java} with {@code -Dexec.args} (which once
 * also reached the site module's npm). It submits hello-app to a mock API server.
 */
class ReadmeMavenRouteTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String ROUTE =
      "./mvnw -q -pl dsl-examples -am test-compile exec:java -Dexec.args=\"";

  @TempDir Path temp;

  @Test
  void submitsThroughMavenToAMockCluster() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertTrue(readme.contains(ROUTE), "the README's Maven route is not " + ROUTE);
    try (MockCluster cluster = new MockCluster(ROOT, temp)) {
      Run submit =
          Maven.in(ROOT, null)
              .run(
                  5,
                  "-pl",
                  "dsl-examples",
                  "-am",
                  "test-compile",
                  "exec:java",
                  "-Dexec.args=submit hello-app --no-wait --kubeconfig " + cluster.kubeconfig());

      assertEquals(0, submit.code(), submit.output());
      assertTrue(
          submit.output().contains("submit: created experiments/hello-app on kube context mock"),
          submit.output());
      assertNotNull(cluster.experiment("experiments", "hello-app"));
    }
  }
}
