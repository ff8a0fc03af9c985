package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Turns a {@link LabTool} into the SDK's tool specification, with what every call gets: its
 * arguments as JSON, progress notifications when the client asked for them, secrets scrubbed from
 * the result, the result held to {@link Bound#MAX_TOKENS}, failures as tool errors (never a crash
 * of the server), and one line in the audit log.
 */
final class ToolRunner {

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final AuditLog audit;
  private final Secrets secrets;
  private final Clock clock;

  ToolRunner(AuditLog audit, Secrets secrets, Clock clock) {
    this.audit = audit;
    this.secrets = secrets;
    this.clock = clock;
  }

  SyncToolSpecification specification(LabTool tool) {
    McpSchema.Tool definition =
        McpSchema.Tool.builder(tool.name())
            .title(tool.title())
            .description(tool.description())
            .inputSchema(tool.input())
            .outputSchema(tool.output())
            .annotations(
                McpSchema.ToolAnnotations.builder()
                    .title(tool.title())
                    .readOnlyHint(tool.readOnly())
                    .destructiveHint(tool.destructive())
                    .build())
            .build();
    return SyncToolSpecification.builder()
        .tool(definition)
        .callHandler((exchange, request) -> call(tool, exchange, request))
        .build();
  }

  /** One call, start to audit line. */
  CallToolResult call(LabTool tool, McpSyncServerExchange exchange, CallToolRequest request) {
    Instant started = clock.instant();
    JsonNode arguments =
        LabYaml.json().valueToTree(request.arguments() == null ? Map.of() : request.arguments());
    try {
      JsonNode result =
          tool.handler().call(new LabTool.Call(arguments, progress(exchange, request)));
      String text = secrets.scrub(Bound.compact(result));
      if (Bound.tokens(text) > Bound.MAX_TOKENS) {
        throw tooLarge(Bound.tokens(text));
      }
      audit.call(tool.name(), arguments, "ok", null, started);
      return CallToolResult.builder()
          .addTextContent(text)
          .structuredContent(LabYaml.json().readValue(text, MAP))
          .isError(false)
          .build();
    } catch (ToolFailure failure) {
      audit.call(
          tool.name(),
          arguments,
          failure.kind().name().toLowerCase(Locale.ROOT),
          failure.getMessage(),
          started);
      return error(failure.kind().name().toLowerCase(Locale.ROOT), failure.problems());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      audit.call(tool.name(), arguments, "error", "interrupted", started);
      return error("error", List.of(Problem.error("", "", "interrupted", "call it again")));
    } catch (IOException | RuntimeException e) {
      String message = "unexpected failure: " + e;
      audit.call(tool.name(), arguments, "error", message, started);
      return error(
          "error", List.of(Problem.error("", "", message, "report it with the arguments")));
    }
  }

  /**
   * A tool error: {@code {"error": kind, "problems": [...]}} as text, for the assistant to read.
   */
  private CallToolResult error(String kind, List<Problem> problems) {
    ObjectNode json = LabYaml.json().createObjectNode();
    json.put("error", kind);
    json.put("message", problems.isEmpty() ? kind : problems.get(0).message());
    json.set("problems", Problems.json(problems));
    return CallToolResult.builder()
        .addTextContent(secrets.scrub(Bound.compact(json)))
        .isError(true)
        .build();
  }

  private static ToolFailure tooLarge(int tokens) {
    return ToolFailure.error(
        "",
        "the result is about "
            + tokens
            + " tokens, over the "
            + Bound.MAX_TOKENS
            + " a result may hold (characters of its JSON / 4)",
        "ask for less: a smaller limit, a later offset, or detail=summary");
  }

  /**
   * Progress notifications for the call's progress token, numbered from 1; nothing when the client
   * gave no token.
   */
  private static Consumer<String> progress(
      McpSyncServerExchange exchange, CallToolRequest request) {
    Object token = request.meta() == null ? null : request.meta().get("progressToken");
    if (token == null) {
      return message -> {};
    }
    AtomicInteger count = new AtomicInteger();
    return message -> {
      try {
        exchange.progressNotification(
            new McpSchema.ProgressNotification(
                token, (double) count.incrementAndGet(), null, message));
      } catch (RuntimeException e) {
        // a client that went away misses its progress; the call goes on and is audited
      }
    };
  }
}
