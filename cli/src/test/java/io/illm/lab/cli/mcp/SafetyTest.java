package io.illm.lab.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.illm.lab.model.Experiment;
import io.illm.lab.validate.LabCheckout;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The safety model against the fabric8 mock API server (CRUD mode): write tools exist only when
 * allowed, submit keeps to the budget and the namespace allowlist, delete to the allowlist, every
 * call is audited with its outcome, and no credential of the kubeconfig or the environment reaches
 * a result or the log.
 */
@Timeout(60)
class SafetyTest {

  static final String TOKEN = "kube-token-0123456789";
  static final String S3_SECRET = "s3-secret-abcdefghij";

  @TempDir Path dir;
  private KubernetesMockServer server;
  private KubernetesClient client;
  private Path kubeconfig;
  private Path root;

  @BeforeEach
  void start() throws Exception {
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesMixedDispatcher(new HashMap<>()),
            false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    try (InputStream crd =
        new FileInputStream(
            LabCheckout.ROOT
                .resolve("generated-crds/experiments.experiments.illm.io.yaml")
                .toFile())) {
      client.apiextensions().v1().customResourceDefinitions().load(crd).create();
    }
    kubeconfig = dir.resolve("kubeconfig");
    Files.writeString(
        kubeconfig,
        """
        apiVersion: v1
        kind: Config
        current-context: hub
        contexts: [{name: hub, context: {cluster: k, user: u}}]
        clusters: [{name: k, cluster: {server: "http://%s:%d"}}]
        users: [{name: u, user: {token: %s}}]
        """
            .formatted(server.getHostName(), server.getPort(), TOKEN));
    root = McpFixtures.labCopy(dir.resolve("lab"));
  }

  @AfterEach
  void stop() {
    client.close();
    server.destroy();
  }

  @Test
  void writeToolsExistOnlyWhenAllowed() {
    assertEquals(List.of(), writeTools(Policy.READ_ONLY));
    assertEquals(List.of("submit_experiment"), writeTools(submitting(5)));
    assertEquals(
        List.of("submit_experiment", "delete_experiment"),
        writeTools(new Policy(true, true, Optional.of(5.0), Set.of("experiments"))));
    assertEquals(
        List.of("delete_experiment"),
        writeTools(new Policy(false, true, Optional.empty(), Set.of("experiments"))));
  }

  @Test
  void flagsThatCannotBeHeldAreUsageErrors() {
    assertEquals(2, new Policy(true, false, Optional.empty(), Set.of()).usageProblems().size());
    assertEquals(1, new Policy(false, true, Optional.empty(), Set.of()).usageProblems().size());
    assertEquals(1, new Policy(false, false, Optional.of(3.0), Set.of()).usageProblems().size());
    assertEquals(1, new Policy(true, false, Optional.of(-1.0), Set.of("a")).usageProblems().size());
    assertEquals(List.of(), submitting(5).usageProblems());
  }

  @Test
  void submitWithinTheBudgetAndAllowlistCreatesTheExperiment() {
    Wiring wiring = wiring(submitting(5));
    CallToolResult result =
        McpFixtures.call(
            wiring, "submit_experiment", Map.of("experiment", "hello-app", "context", "hub"));
    assertFalse(result.isError(), McpFixtures.text(result));
    assertTrue(McpFixtures.json(result).path("submitted").asBoolean());
    assertNotNull(
        client.resources(Experiment.class).inNamespace("experiments").withName("hello-app").get());
    JsonNode line = lastAudit(wiring);
    assertEquals("submit_experiment", line.path("tool").asText());
    assertEquals("ok", line.path("outcome").asText());
    CallToolResult again =
        McpFixtures.call(
            wiring, "submit_experiment", Map.of("experiment", "hello-app", "context", "hub"));
    assertTrue(again.isError(), "an existing experiment is never replaced");
    assertTrue(McpFixtures.text(again).contains("already exists"), McpFixtures.text(again));
  }

  @Test
  void submitOverTheBudgetIsRefusedAndNothingIsCreated() {
    Wiring wiring = wiring(submitting(1)); // hello-app's budget is $2
    CallToolResult result =
        McpFixtures.call(
            wiring, "submit_experiment", Map.of("experiment", "hello-app", "context", "hub"));
    assertTrue(result.isError());
    JsonNode error = McpFixtures.json(result);
    assertEquals("refused", error.path("error").asText(), error.toString());
    assertEquals("spec.budget.maxUSD", error.at("/problems/0/path").asText(), error.toString());
    assertTrue(
        error.at("/problems/0/message").asText().contains("over this server's maximum $1.00"),
        error.toString());
    assertNull(
        client.resources(Experiment.class).inNamespace("experiments").withName("hello-app").get());
    assertEquals("refused", lastAudit(wiring).path("outcome").asText());
  }

  @Test
  void anEstimateOverTheMaximumIsRefusedEvenWithinTheBudget() throws Exception {
    Wiring wiring = wiring(submitting(0.05)); // the budget line passes, the $0.22 estimate does not
    String yaml =
        Files.readString(root.resolve("experiments/hello-app/experiment.yaml"))
            .replace("maxUSD: 2", "maxUSD: 0.01");
    JsonNode error =
        McpFixtures.json(
            McpFixtures.call(wiring, "submit_experiment", Map.of("yaml", yaml, "context", "hub")));
    assertEquals("refused", error.path("error").asText(), error.toString());
    assertEquals(
        List.of("spec.deadlines"),
        error.path("problems").findValuesAsText("path"),
        error.toString());
  }

  @Test
  void aNamespaceOutsideTheAllowlistIsRefusedForSubmitAndDelete() {
    Wiring wiring = wiring(new Policy(true, true, Optional.of(5.0), Set.of("team-a")));
    JsonNode submit =
        McpFixtures.json(
            McpFixtures.call(
                wiring,
                "submit_experiment",
                Map.of("experiment", "hello-app", "context", "hub", "namespace", "experiments")));
    assertEquals("refused", submit.path("error").asText(), submit.toString());
    assertEquals("namespace", submit.at("/problems/0/path").asText());
    assertTrue(submit.at("/problems/0/fix").asText().contains("team-a"), submit.toString());
    JsonNode delete =
        McpFixtures.json(
            McpFixtures.call(
                wiring, "delete_experiment", Map.of("name", "hello-app", "context", "hub")));
    assertEquals("refused", delete.path("error").asText(), delete.toString());
    List<JsonNode> audit = McpFixtures.audit(wiring.audit().file());
    assertEquals(
        List.of("refused", "refused"),
        audit.stream().map(l -> l.path("outcome").asText()).toList());
  }

  @Test
  void deleteInAnAllowedNamespaceDeletes() {
    Wiring wiring = wiring(new Policy(true, true, Optional.of(5.0), Set.of("experiments")));
    McpFixtures.call(
        wiring, "submit_experiment", Map.of("experiment", "hello-app", "context", "hub"));
    CallToolResult deleted =
        McpFixtures.call(
            wiring, "delete_experiment", Map.of("name", "hello-app", "context", "hub"));
    assertFalse(deleted.isError(), McpFixtures.text(deleted));
    assertNull(
        client.resources(Experiment.class).inNamespace("experiments").withName("hello-app").get());
    JsonNode status =
        McpFixtures.json(
            McpFixtures.call(
                wiring, "experiment_status", Map.of("name", "hello-app", "context", "hub")));
    assertTrue(
        status.path("message").asText().contains("no experiment hello-app"), status.toString());
  }

  @Test
  void statusReadsTheExperimentOnTheNamedContext() {
    Wiring wiring = wiring(submitting(5));
    McpFixtures.call(
        wiring, "submit_experiment", Map.of("experiment", "hello-app", "context", "hub"));
    JsonNode status =
        McpFixtures.json(
            McpFixtures.call(
                wiring,
                "experiment_status",
                Map.of("name", "hello-app", "context", "hub", "waitSeconds", 1)));
    assertEquals("Pending", status.path("phase").asText(), status.toString());
    assertEquals("hub", status.path("context").asText());
    JsonNode contexts = McpFixtures.json(McpFixtures.call(wiring, "list_contexts", Map.of()));
    assertEquals("hub", contexts.path("current").asText(), contexts.toString());
  }

  @Test
  void noCredentialReachesAResultOrTheAuditLog() throws Exception {
    Wiring wiring =
        McpFixtures.wiring(
            lab(submitting(5)), Map.of("ILLM_RESULTS_S3_SECRET_ACCESS_KEY", S3_SECRET));
    // texts that carry both secrets, which tools repeat: a description, a value a problem quotes
    Path file = root.resolve("experiments/hello-app/experiment.yaml");
    String yaml = Files.readString(file);
    Files.writeString(
        file, yaml.replace("Simple hello world app", "Simple " + TOKEN + " and " + S3_SECRET));
    String bad = yaml.replace("provider: gke", "provider: " + TOKEN);
    String all =
        McpFixtures.text(
                McpFixtures.call(wiring, "describe_experiment", Map.of("name", "hello-app")))
            + McpFixtures.text(
                McpFixtures.call(
                    wiring, "validate_experiment", Map.of("yaml", bad, "token", TOKEN)))
            + McpFixtures.text(
                McpFixtures.call(
                    wiring,
                    "submit_experiment",
                    Map.of("experiment", "hello-app", "context", "hub")))
            + McpFixtures.text(
                McpFixtures.call(
                    wiring, "experiment_status", Map.of("name", "hello-app", "context", "hub")))
            + McpFixtures.text(McpFixtures.call(wiring, "list_contexts", Map.of()));
    assertTrue(all.contains("unknown value \\\"<redacted>\\\""), all);
    assertTrue(all.contains("Simple <redacted> and <redacted>"), all);
    assertFalse(all.contains(TOKEN) || all.contains(S3_SECRET), all);
    String log = Files.readString(wiring.audit().file());
    assertFalse(log.contains(TOKEN) || log.contains(S3_SECRET), log);
    assertTrue(
        log.contains("\"token\":\"<redacted>\""), "secret-named arguments are redacted: " + log);
  }

  private Wiring wiring(Policy policy) {
    return McpFixtures.wiring(lab(policy), Map.of());
  }

  private Lab lab(Policy policy) {
    return McpFixtures.lab(root, policy, Optional.of(kubeconfig));
  }

  private List<String> writeTools(Policy policy) {
    return LabServer.tools(lab(policy)).stream()
        .filter(t -> !t.readOnly())
        .map(LabTool::name)
        .filter(n -> !n.equals("run_experiment"))
        .toList();
  }

  private static Policy submitting(double max) {
    return new Policy(true, false, Optional.of(max), Set.of("experiments"));
  }

  private static JsonNode lastAudit(Wiring wiring) {
    List<JsonNode> lines = McpFixtures.audit(wiring.audit().file());
    return lines.get(lines.size() - 1);
  }
}
