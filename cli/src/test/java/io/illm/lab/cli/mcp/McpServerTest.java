package io.illm.lab.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server in this process, over streamable HTTP on loopback, driven by the MCP SDK's own client:
 * initialize, list, call every read-only and simulated tool, resources and prompts, bad arguments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class McpServerTest {

  static final String BAD =
      "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nmetadata:\n  name: Bad_Name\n"
          + "spec:\n  targets: []\n";

  private HttpServing serving;
  private McpSyncClient client;
  private final List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
  private Path root;

  @BeforeAll
  void start(@TempDir Path dir) throws Exception {
    root = McpFixtures.labCopy(dir);
    Wiring wiring =
        McpFixtures.wiring(McpFixtures.lab(root, Policy.READ_ONLY, Optional.empty()), Map.of());
    serving = HttpServing.start(wiring.lab(), wiring.runner(), wiring.secrets(), 0);
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder(
                        "http://127.0.0.1:" + serving.uri().getPort())
                    .endpoint(HttpServing.ENDPOINT)
                    .build())
            .requestTimeout(Duration.ofSeconds(90))
            .progressConsumer(progress::add)
            .build();
    client.initialize();
  }

  @AfterAll
  void stop() throws Exception {
    if (client != null) {
      client.closeGracefully();
    }
    if (serving != null) {
      serving.close();
    }
  }

  @Test
  void readOnlyListsNoToolThatWritesToACluster() {
    List<String> names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    assertEquals(
        List.of(
            "list_components",
            "describe_component",
            "list_experiments",
            "describe_experiment",
            "validate_experiment",
            "render_experiment",
            "run_experiment",
            "list_runs",
            "get_results",
            "compare_runs",
            "build_site",
            "record_analysis",
            "list_contexts",
            "experiment_status"),
        names);
    for (McpSchema.Tool tool : client.listTools().tools()) {
      assertNotNull(tool.inputSchema(), tool.name());
      assertNotNull(tool.outputSchema(), tool.name());
      assertFalse(tool.annotations().destructiveHint(), tool.name());
    }
  }

  @Test
  void catalogueToolsListAndDescribe() {
    JsonNode components = ok("list_components", Map.of("category", "apps"));
    assertTrue(
        components.path("components").findValuesAsText("name").contains("hello-app"),
        components.toString());
    JsonNode stack = ok("describe_component", Map.of("name", "kube-prometheus-stack"));
    assertTrue(stack.path("parameters").size() > 0, stack.toString());
    assertTrue(stack.path("parameters").get(0).has("default"), stack.toString());
    JsonNode hello = ok("describe_experiment", Map.of("name", "hello-app"));
    assertEquals(
        "hello_app_peak_memory", hello.at("/criteria/0/metric").asText(), hello.toString());
    assertEquals("gke", hello.at("/targets/0/provider").asText());
    JsonNode page = ok("list_experiments", Map.of("limit", 2));
    assertEquals(2, page.path("experiments").size());
    assertEquals(2, page.path("nextOffset").asInt());
  }

  @Test
  void validateGivesEveryProblemWithPathAndFix() {
    JsonNode bad = ok("validate_experiment", Map.of("yaml", BAD));
    assertFalse(bad.path("valid").asBoolean());
    assertEquals(
        List.of("metadata.name", "spec.targets", "spec.workflow"),
        bad.path("problems").findValuesAsText("path"));
    bad.path("problems").forEach(p -> assertFalse(p.path("fix").asText().isBlank(), p.toString()));
    assertTrue(
        ok("validate_experiment", Map.of("experiment", "hello-app")).path("valid").asBoolean());
  }

  @Test
  void renderGivesTheObjectsAndTheCost() {
    JsonNode render = ok("render_experiment", Map.of("experiment", "hello-app"));
    assertTrue(render.path("valid").asBoolean(), render.toString());
    assertEquals("ClusterClaim", render.at("/objects/0/kind").asText(), render.toString());
    assertTrue(render.at("/cost/estimatedUSD").asDouble() > 0, render.toString());
    JsonNode full = ok("render_experiment", Map.of("experiment", "hello-app", "detail", "full"));
    assertTrue(full.at("/objects/0/spec").isObject(), full.toString());
    assertFalse(full.toString().contains("\"token\""), "secrets are redacted in rendered Secrets");
  }

  @Test
  void aSimulatedRunSaysSoReportsProgressAndItsResultsCanBeRead() throws Exception {
    progress.clear();
    CallToolResult run =
        client.callTool(
            CallToolRequest.builder()
                .name("run_experiment")
                .arguments(Map.of("experiment", "hello-app"))
                .progressToken("run-1")
                .build());
    JsonNode outcome = McpFixtures.json(run);
    assertFalse(run.isError(), outcome.toString());
    assertTrue(outcome.path("simulated").asBoolean());
    assertTrue(outcome.path("note").asText().startsWith("SIMULATED"), outcome.toString());
    assertEquals("Complete", outcome.path("phase").asText());
    assertTrue(progress.size() >= 3, "progress notifications: " + progress);
    assertTrue(
        progress.stream().anyMatch(p -> p.message().contains("Complete")), progress.toString());
    String runName = outcome.path("run").asText();
    JsonNode results = ok("get_results", Map.of("experiment", "hello-app", "run", runName));
    assertTrue(results.path("simulated").asBoolean());
    assertEquals("validated", results.at("/verdict/result").asText(), results.toString());
    assertTrue(results.at("/metrics/0/samples/0/stats").isObject(), results.toString());
    assertFalse(
        results.at("/metrics/0/samples/0").has("values"), "summary detail keeps stats only");
    JsonNode metrics = ok("get_results", Map.of("experiment", "hello-app", "detail", "metrics"));
    assertTrue(metrics.at("/metrics/0/samples/0").has("values"), metrics.toString());
    assertEquals(
        runName, ok("list_runs", Map.of("experiment", "hello-app")).at("/runs/0/run").asText());
    assertTrue(
        ok("compare_runs", Map.of("experiment", "hello-app"))
            .at("/runs/0/means/hello_app_peak_memory/_experiment/mean")
            .isNumber());
    analysisIsShownOnTheSiteAndChangesNoNumber(runName);
  }

  private void analysisIsShownOnTheSiteAndChangesNoNumber(String runName) throws Exception {
    Path summary = root.resolve(".lab/results/experiments/hello-app/" + runName + "/summary.json");
    byte[] before = Files.readAllBytes(summary);
    JsonNode recorded =
        ok(
            "record_analysis",
            Map.of(
                "experiment", "hello-app",
                "run", runName,
                "text",
                    "The peak memory is above 128 MiB in every window.\n\nSimulated, so no answer.",
                "author", "test-assistant",
                "model", "model-x"));
    assertEquals(1, recorded.path("analyses").asInt());
    assertTrue(
        java.util.Arrays.equals(before, Files.readAllBytes(summary)), "the summary is untouched");
    JsonNode site = ok("build_site", Map.of());
    Path page = root.resolve(".lab/site/experiments/hello-app/" + runName + ".html");
    String html = Files.readString(page);
    assertTrue(
        html.contains("Assistant&#39;s analysis") || html.contains("Assistant's analysis"), html);
    assertTrue(html.contains("test-assistant") && html.contains("model-x"), html);
    assertEquals(1, site.path("runs").asInt());
    JsonNode results = ok("get_results", Map.of("experiment", "hello-app", "run", runName));
    assertEquals("test-assistant", results.at("/analyses/0/author").asText());
    assertTrue(results.at("/analyses/0/ofCurrentSummary").asBoolean());
  }

  @Test
  void badArgumentsAreToolErrorsAndTheServerCarriesOn() {
    CallToolResult unknownArgument =
        client.callTool(new CallToolRequest("list_components", Map.of("colour", "red")));
    assertTrue(unknownArgument.isError(), unknownArgument.toString());
    CallToolResult missing = client.callTool(new CallToolRequest("describe_component", Map.of()));
    assertTrue(missing.isError(), missing.toString());
    CallToolResult wrongType =
        client.callTool(new CallToolRequest("list_experiments", Map.of("limit", "many")));
    assertTrue(wrongType.isError(), wrongType.toString());
    CallToolResult both =
        client.callTool(
            new CallToolRequest(
                "validate_experiment", Map.of("experiment", "hello-app", "yaml", BAD)));
    assertTrue(both.isError());
    assertEquals(
        "yaml", McpFixtures.json(both).at("/problems/0/path").asText(), McpFixtures.text(both));
    CallToolResult unknown =
        client.callTool(new CallToolRequest("describe_experiment", Map.of("name", "nope")));
    assertTrue(
        McpFixtures.text(unknown).matches("(?s).*known: [a-z0-9, -]*hello-app.*"),
        McpFixtures.text(unknown));
    CallToolResult outside =
        client.callTool(
            new CallToolRequest("validate_experiment", Map.of("experiment", "../../etc/passwd")));
    assertTrue(outside.isError(), "paths outside the lab are refused");
    assertThrows(
        McpError.class, () -> client.callTool(new CallToolRequest("submit_experiment", Map.of())));
    assertTrue(ok("list_components", Map.of()).path("total").asInt() > 1, "still serving");
  }

  @Test
  void aClusterToolNamesAnUnknownContext() {
    CallToolResult status =
        client.callTool(
            new CallToolRequest(
                "experiment_status", Map.of("context", "nowhere", "name", "hello-app")));
    assertTrue(status.isError(), status.toString());
  }

  @Test
  void resourcesAndPrompts() {
    List<String> uris =
        client.listResources().resources().stream().map(McpSchema.Resource::uri).toList();
    assertTrue(uris.contains("lab://docs/dsl.md"), uris.toString());
    assertTrue(uris.contains("lab://crds/experiments.experiments.illm.io.yaml"), uris.toString());
    assertTrue(uris.contains(LabResources.CATALOGUE), uris.toString());
    var crd =
        client.readResource(
            new McpSchema.ReadResourceRequest("lab://crds/experiments.experiments.illm.io.yaml"));
    assertTrue(
        ((McpSchema.TextResourceContents) crd.contents().get(0))
            .text()
            .contains("openAPIV3Schema"));
    var catalogue = client.readResource(new McpSchema.ReadResourceRequest(LabResources.CATALOGUE));
    assertTrue(
        ((McpSchema.TextResourceContents) catalogue.contents().get(0))
            .text()
            .contains("\"hello-app\""));
    List<String> prompts =
        client.listPrompts().prompts().stream().map(McpSchema.Prompt::name).sorted().toList();
    assertEquals(List.of("design_experiment", "explain_verdict"), prompts);
    var design =
        client.getPrompt(
            new McpSchema.GetPromptRequest(
                "design_experiment", Map.of("question", "Loki or Elasticsearch?")));
    String text = ((McpSchema.TextContent) design.messages().get(0).content()).text();
    assertTrue(
        text.contains("Loki or Elasticsearch?") && text.contains("validate_experiment"), text);
  }

  private JsonNode ok(String tool, Map<String, Object> arguments) {
    CallToolResult result = client.callTool(new CallToolRequest(tool, arguments));
    assertFalse(Boolean.TRUE.equals(result.isError()), tool + ": " + result);
    assertNotNull(result.structuredContent(), tool);
    return McpFixtures.json(result);
  }
}
