package io.illm.lab.cli.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results stay under 8,000 tokens, measured as the characters of their compact JSON over four. */
class BoundTest {

  @Test
  void tokensAreCharactersOverFourRoundedUp() {
    assertEquals(0, Bound.tokens(""));
    assertEquals(1, Bound.tokens("abcd"));
    assertEquals(2, Bound.tokens("abcde"));
  }

  @Test
  void aPageStopsBeforeTheBoundAndSaysWhereTheNextStarts() {
    List<JsonNode> items = IntStream.range(0, 500).mapToObj(i -> (JsonNode) item(400)).toList();
    ObjectNode page = LabYaml.json().createObjectNode();
    Bound.page(page, "items", items, 0, Bound.MAX_LIMIT);
    int returned = page.path("items").size();
    assertTrue(returned > 10 && returned < Bound.MAX_LIMIT, "returned " + returned);
    assertTrue(Bound.tokens(page) <= Bound.MAX_TOKENS, Bound.tokens(page) + " tokens");
    assertEquals(returned, page.path("nextOffset").asInt());
    assertEquals(500, page.path("total").asInt());
    ObjectNode last = LabYaml.json().createObjectNode();
    Bound.page(last, "items", items, 495, Bound.MAX_LIMIT);
    assertTrue(last.path("nextOffset").isNull(), last.path("nextOffset").toString());
  }

  @Test
  void anItemTooBigForAnyPageIsReplacedByANote() {
    ObjectNode page = LabYaml.json().createObjectNode();
    Bound.page(page, "items", List.of(item(40_000)), 0, 10);
    assertTrue(page.at("/items/0/omitted").asBoolean(), page.toString());
    assertTrue(Bound.tokens(page) < 200);
  }

  @Test
  void theLargestAnswersOfTheLabStayUnderTheBound(@TempDir Path dir) {
    Wiring wiring =
        McpFixtures.wiring(
            McpFixtures.lab(McpFixtures.labCopy(dir), Policy.READ_ONLY, Optional.empty()),
            Map.of());
    for (Map<String, Object> args :
        List.of(
            Map.<String, Object>of("experiment", "tsdb-comparison", "detail", "full", "limit", 200),
            Map.<String, Object>of(
                "experiment", "prometheus-tutorial", "detail", "full", "limit", 200))) {
      CallToolResult result = McpFixtures.call(wiring, "render_experiment", args);
      assertFalse(result.isError(), McpFixtures.text(result));
      int tokens = Bound.tokens(McpFixtures.text(result));
      assertTrue(tokens <= Bound.MAX_TOKENS, args + ": " + tokens + " tokens");
      JsonNode json = McpFixtures.json(result);
      assertEquals(
          json.path("total").asInt() > json.path("objects").size(),
          !json.path("nextOffset").isNull(),
          json.path("nextOffset").toString());
    }
    CallToolResult all = McpFixtures.call(wiring, "list_components", Map.of("limit", 200));
    assertTrue(Bound.tokens(McpFixtures.text(all)) <= Bound.MAX_TOKENS);
  }

  private static ObjectNode item(int chars) {
    ObjectNode item = LabYaml.json().createObjectNode();
    item.put("text", "x".repeat(chars));
    return item;
  }
}
