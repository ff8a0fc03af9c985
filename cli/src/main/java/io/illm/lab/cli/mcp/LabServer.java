package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The lab's MCP server: its tools (read-only and simulated ones always; submit and delete only as
 * the policy allows), resources and prompts, on a transport. Built with the MCP Java SDK's
 * synchronous server (ADR-021).
 */
final class LabServer {

  /** What the server tells a client it is for. */
  static final String INSTRUCTIONS =
      "illm-lab: experiment-as-code for Kubernetes benchmarking. Find components and experiments"
          + " (list_components, list_experiments), write or pick an experiment, validate_experiment,"
          + " render_experiment (objects and cost), run_experiment (a SIMULATED run on an embedded"
          + " hub: its numbers are not measurements), get_results and compare_runs, record_analysis,"
          + " build_site. Cluster tools take a kube context; submitting and deleting exist only when"
          + " the server was started to allow them. Results are bounded: page with offset/limit.";

  /** The longest a request may take: a simulated run may take two minutes, a watch five. */
  static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(11);

  private LabServer() {}

  /** The mapper of the protocol's JSON: Jackson 2, the lab's Jackson, with the SDK's defaults. */
  static McpJsonMapper mapper() {
    return new JacksonMcpJsonMapper(JsonMapper.builder().build());
  }

  /** Every tool this lab's policy allows, in the order tools/list gives them. */
  static List<LabTool> tools(Lab lab) {
    List<LabTool> tools = new ArrayList<>();
    tools.addAll(new CatalogueTools(lab).tools());
    tools.addAll(new AuthoringTools(lab).tools());
    tools.add(new RunTool(lab).tool());
    tools.addAll(new ResultsTools(lab).tools());
    tools.add(new AnalysisTool(lab).tool());
    tools.addAll(new ClusterTools(lab).tools());
    tools.addAll(new WriteTools(lab).tools());
    return tools;
  }

  /** A server over stdio (or any single-session transport). */
  static McpSyncServer start(
      McpServerTransportProvider transport, Lab lab, ToolRunner runner, Secrets secrets) {
    return configure(McpServer.sync(transport), lab, runner, secrets).build();
  }

  /** A server over streamable HTTP. */
  static McpSyncServer start(
      McpStreamableServerTransportProvider transport, Lab lab, ToolRunner runner, Secrets secrets) {
    return configure(McpServer.sync(transport), lab, runner, secrets).build();
  }

  private static <S extends McpServer.SyncSpecification<S>>
      McpServer.SyncSpecification<S> configure(
          McpServer.SyncSpecification<S> spec, Lab lab, ToolRunner runner, Secrets secrets) {
    return spec.serverInfo("illm-lab", version())
        .instructions(INSTRUCTIONS)
        .jsonMapper(mapper())
        .requestTimeout(REQUEST_TIMEOUT)
        .capabilities(
            McpSchema.ServerCapabilities.builder()
                .tools(false)
                .resources(false, false)
                .prompts(false)
                .build())
        .tools(tools(lab).stream().map(runner::specification).toList())
        .resources(new LabResources(lab, secrets).resources())
        .prompts(LabPrompts.prompts());
  }

  static String version() {
    String version = LabServer.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }
}
