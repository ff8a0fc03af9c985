package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabFiles;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** A lab of its own for each test (a copy of the checkout's catalogue, CRDs and docs) and calls. */
final class McpFixtures {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);

  /**
   * The checkout's experiments/, components/, generated-crds/ and docs/, copied under {@code dir}.
   */
  static Path labCopy(Path dir) {
    for (String folder : List.of("experiments", "components", "generated-crds", "docs")) {
      copy(LabCheckout.ROOT.resolve(folder), dir.resolve(folder));
    }
    return dir;
  }

  static Lab lab(Path root, Policy policy, Optional<Path> kubeconfig) {
    return new Lab(new LabFiles(root), List.of(), kubeconfig, policy, CLOCK);
  }

  static Wiring wiring(Lab lab, Map<String, String> env) {
    return Wiring.of(lab, lab.root().resolve(AuditLog.DEFAULT_FILE), env);
  }

  /** Calls a tool the way the server does, without a transport. */
  static CallToolResult call(Wiring wiring, String tool, Map<String, Object> arguments) {
    LabTool found =
        LabServer.tools(wiring.lab()).stream()
            .filter(t -> t.name().equals(tool))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no tool " + tool));
    return wiring.runner().call(found, null, new CallToolRequest(tool, arguments));
  }

  /** The result's text content as JSON. */
  static JsonNode json(CallToolResult result) {
    try {
      return LabYaml.json().readTree(text(result));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(CallToolResult result) {
    return ((TextContent) result.content().get(0)).text();
  }

  /** The audit log's lines as JSON. */
  static List<JsonNode> audit(Path file) {
    try {
      return Files.readAllLines(file).stream().map(McpFixtures::parse).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    try {
      return LabYaml.json().readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private McpFixtures() {}
}
