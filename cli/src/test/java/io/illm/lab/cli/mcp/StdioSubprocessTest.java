package io.illm.lab.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab mcp} as a client starts it: a separate JVM on the command's main class, spoken to
 * over its stdin and stdout by the MCP SDK's stdio client. The exchange of docs/agent.md:
 * initialize, list the tools, validate a bad experiment, run a good one, read its results; closing
 * stdin ends the server.
 */
@Timeout(120)
class StdioSubprocessTest {

  @Test
  void aScriptedExchangeOverStdio(@TempDir Path dir) throws Exception {
    Path root = McpFixtures.labCopy(dir);
    Path audit = dir.resolve("audit.jsonl");
    StdioClientTransport transport =
        new StdioClientTransport(server(root, audit), LabServer.mapper());
    StringBuilder stderr = new StringBuilder();
    transport.setStdErrorHandler(line -> stderr.append(line).append('\n'));
    McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(90)).build();
    try {
      assertEquals("illm-lab", client.initialize().serverInfo().name());
      List<String> tools = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
      assertTrue(
          tools.contains("run_experiment") && !tools.contains("submit_experiment"),
          tools.toString());
      JsonNode bad =
          json(
              client.callTool(
                  new CallToolRequest("validate_experiment", Map.of("yaml", McpServerTest.BAD))));
      assertFalse(bad.path("valid").asBoolean(), bad.toString());
      JsonNode run =
          json(
              client.callTool(
                  new CallToolRequest("run_experiment", Map.of("experiment", "hello-app"))));
      assertTrue(run.path("simulated").asBoolean(), run.toString());
      JsonNode results =
          json(
              client.callTool(
                  new CallToolRequest("get_results", Map.of("experiment", "hello-app"))));
      assertEquals(run.path("run").asText(), results.path("run").asText(), results.toString());
      assertEquals(run.path("verdict").asText(), results.at("/verdict/result").asText());
    } finally {
      client.closeGracefully();
    }
    transport.awaitForExit();
    List<JsonNode> lines = McpFixtures.audit(audit);
    assertEquals("start", lines.get(0).path("event").asText(), stderr.toString());
    assertEquals(
        List.of("validate_experiment", "run_experiment", "get_results"),
        lines.subList(1, lines.size()).stream().map(l -> l.path("tool").asText()).toList());
  }

  /** {@code java -cp <this test's class path> io.illm.lab.cli.LabCommand mcp --root ...}. */
  static ServerParameters server(Path root, Path audit) {
    return ServerParameters.builder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString())
        .args(
            "-cp",
            System.getProperty("java.class.path"),
            "io.illm.lab.cli.LabCommand",
            "mcp",
            "--root",
            root.toString(),
            "--audit-log",
            audit.toString())
        .build();
  }

  private static JsonNode json(CallToolResult result) {
    assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
    return McpFixtures.json(result);
  }
}
