package io.illm.lab.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.yaml.LabYaml;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that is not part of the project: the MCP Inspector (npm {@code
 * @modelcontextprotocol/inspector} 2.12.0, pinned in src/test/mcp-client) in CLI mode starts
 * {@code ./lab mcp} over stdio for each step of the exchange of docs/agent.md: list the tools,
 * validate a bad experiment, run a good one, read its results. Skipped, with one line, where node
 * or npm is missing.
 */
@Timeout(300)
class InspectorClientTest {

  static final Path CLIENT = Path.of("src/test/mcp-client").toAbsolutePath();
  static final Path LAUNCHER =
      CLIENT.resolve(
          "node_modules/@modelcontextprotocol/inspector/clients/launcher/build/index.js");

  @TempDir Path dir;

  @Test
  void theInspectorListsValidatesRunsAndReadsResults() throws Exception {
    assumeTrue(
        onPath("node") && onPath("npm"),
        "skipped: node and npm are needed for the MCP Inspector (apt-get install -y npm)");
    installed();
    Path root = McpFixtures.labCopy(dir.resolve("lab"));
    JsonNode tools = inspector(root, "--method", "tools/list");
    List<String> names = tools.path("tools").findValuesAsText("name");
    assertTrue(names.contains("validate_experiment"), names.toString());
    assertFalse(
        names.contains("submit_experiment") || names.contains("delete_experiment"),
        names.toString());
    JsonNode bad = call(root, "validate_experiment", "yaml=" + McpServerTest.BAD);
    assertFalse(bad.path("valid").asBoolean(), bad.toString());
    assertEquals("metadata.name", bad.at("/problems/0/path").asText(), bad.toString());
    JsonNode run = call(root, "run_experiment", "experiment=hello-app");
    assertTrue(run.path("simulated").asBoolean(), run.toString());
    assertEquals("Complete", run.path("phase").asText(), run.toString());
    JsonNode results = call(root, "get_results", "experiment=hello-app");
    assertEquals(run.path("run").asText(), results.path("run").asText(), results.toString());
    assertTrue(results.path("simulated").asBoolean());
  }

  /** One tools/call; its structured content. */
  private JsonNode call(Path root, String tool, String argument) throws Exception {
    JsonNode result =
        inspector(root, "--method", "tools/call", "--tool-name", tool, "--tool-arg", argument);
    assertFalse(result.path("isError").asBoolean(), result.toString());
    return result.path("structuredContent");
  }

  /** Runs the inspector's CLI against a new {@code ./lab mcp} process; its JSON answer. */
  private JsonNode inspector(Path root, String... method) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", LAUNCHER.toString(), "--cli"));
    command.addAll(List.of(method));
    command.add("--");
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "io.illm.lab.cli.LabCommand",
            "mcp",
            "--root",
            root.toString()));
    Path out = dir.resolve("out.json");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the inspector did not finish: " + Files.readString(err));
    }
    String stdout = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), stdout + Files.readString(err));
    return LabYaml.json().readTree(stdout);
  }

  /** Installs the pinned inspector from the lock file when .ci/run has not. */
  private static void installed() throws IOException, InterruptedException {
    if (Files.isRegularFile(LAUNCHER)) {
      return;
    }
    Process npm =
        new ProcessBuilder(
                "npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline")
            .directory(CLIENT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertTrue(
        npm.waitFor(240, TimeUnit.SECONDS) && npm.exitValue() == 0,
        "npm ci in " + CLIENT + " failed");
  }

  private static boolean onPath(String program) {
    for (String folder : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(folder, program))) {
        return true;
      }
    }
    return false;
  }
}
