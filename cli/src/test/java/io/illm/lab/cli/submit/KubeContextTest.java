package io.illm.lab.cli.submit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the cluster from a kubeconfig, as kubectl would. */
class KubeContextTest {

  private static final String KUBECONFIG =
      """
      apiVersion: v1
      kind: Config
      current-context: hub
      contexts:
        - {name: hub, context: {cluster: a, user: u}}
        - {name: edge, context: {cluster: b, user: u}}
      clusters:
        - {name: a, cluster: {server: "https://a.example:6443"}}
        - {name: b, cluster: {server: "https://b.example:6443"}}
      users: [{name: u, user: {token: t}}]
      """;

  @TempDir Path dir;

  @Test
  void theCurrentContextByDefault() throws Exception {
    KubeContext hub = KubeContext.choose(file(), null).context().orElseThrow();

    assertEquals("hub", hub.name());
    assertEquals("https://a.example:6443/", hub.server());
  }

  @Test
  void anotherContextByName() throws Exception {
    KubeContext edge = KubeContext.choose(file(), "edge").context().orElseThrow();

    assertEquals("edge", edge.name());
    assertEquals("https://b.example:6443/", edge.server());
  }

  @Test
  void anUnknownContextIsAUsageProblemListingTheKnownOnes() throws Exception {
    Path file = file();
    KubeContext.Chosen chosen = KubeContext.choose(file, "hubb");

    assertTrue(chosen.usage());
    assertEquals(
        "submit: --context hubb: no such context in "
            + file
            + " (did you mean hub? contexts: edge, hub)",
        chosen.problem().orElseThrow().toString());
  }

  @Test
  void aMissingFileIsAUsageProblem() {
    KubeContext.Chosen chosen = KubeContext.choose(dir.resolve("nope"), null);

    assertTrue(chosen.usage());
    assertTrue(
        chosen.problem().orElseThrow().message().endsWith("nope: no such file"),
        chosen.problem().toString());
  }

  @Test
  void anUnreadableKubeconfigIsOneLineWithWhereAndTheFix() throws Exception {
    Path file = dir.resolve("broken");
    Files.writeString(file, "apiVersion: v1\nclusters: [{name: a\ncontexts: nope\n");
    KubeContext.Chosen chosen = KubeContext.choose(file, null);

    String problem = chosen.problem().orElseThrow().toString();
    assertEquals(1, problem.lines().count(), problem);
    assertTrue(
        problem.startsWith(
            "submit: cannot read the kubeconfig " + file + ": not valid YAML at line 3"),
        problem);
    assertTrue(problem.endsWith("(check the file with kubectl config view)"), problem);
  }

  @Test
  void aMisspeltContextSuggestsTheClosest() throws Exception {
    KubeContext.Chosen chosen = KubeContext.choose(file(), "edg");

    assertTrue(
        chosen.problem().orElseThrow().hint().startsWith("did you mean edge?"),
        chosen.problem().toString());
  }

  private Path file() throws Exception {
    Path file = dir.resolve("config");
    Files.writeString(file, KUBECONFIG);
    return file;
  }
}
