package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import java.util.List;

/**
 * How big a tool result may be, and paging to stay below it. A result is measured as its compact
 * JSON: {@code tokens = ceil(characters / 4)}, the usual rough rate of English and JSON text in
 * current tokenizers; a result may hold at most {@link #MAX_TOKENS}. Lists come in pages that stop
 * before the bound ({@code offset}, {@code nextOffset}); large parts need {@code detail}.
 */
final class Bound {

  /** The most tokens one tool result may hold. */
  static final int MAX_TOKENS = 8000;

  /** Characters per token of the estimate. */
  static final int CHARS_PER_TOKEN = 4;

  /** What a page's items may take, leaving room for the rest of the result. */
  static final int PAGE_CHARS = (MAX_TOKENS - 1000) * CHARS_PER_TOKEN;

  /** The default and largest page sizes. */
  static final int DEFAULT_LIMIT = 20;

  static final int MAX_LIMIT = 200;

  private Bound() {}

  /** The estimated tokens of a JSON value: its compact form's characters over four, rounded up. */
  static int tokens(JsonNode json) {
    return tokens(compact(json));
  }

  static int tokens(String compactJson) {
    return (compactJson.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  static String compact(JsonNode json) {
    try {
      return LabYaml.json().writeValueAsString(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e); // a tree of plain values always writes
    }
  }

  /**
   * Puts a page of {@code items} from {@code offset} into {@code root} under {@code field}: at most
   * {@code limit} items, and no more than fit in {@link #PAGE_CHARS} together; {@code total},
   * {@code offset} and {@code nextOffset} (null on the last page) say where it is. An item too big
   * for a page on its own is replaced by a note saying so.
   */
  static void page(ObjectNode root, String field, List<JsonNode> items, int offset, int limit) {
    ArrayNode page = root.putArray(field);
    int used = 0;
    int next = offset;
    while (next < items.size() && next - offset < limit) {
      JsonNode item = items.get(next);
      int size = compact(item).length() + 1;
      if (size > PAGE_CHARS) {
        item = tooBig(size);
        size = compact(item).length() + 1;
      }
      if (used + size > PAGE_CHARS && next > offset) {
        break;
      }
      page.add(item);
      used += size;
      next++;
    }
    root.put("total", items.size());
    root.put("offset", offset);
    if (next < items.size()) {
      root.put("nextOffset", next);
    } else {
      root.putNull("nextOffset");
    }
  }

  private static JsonNode tooBig(int size) {
    ObjectNode note = LabYaml.json().createObjectNode();
    note.put("omitted", true);
    note.put(
        "reason",
        "this item alone is about "
            + (size / CHARS_PER_TOKEN)
            + " tokens, more than a result may hold ("
            + MAX_TOKENS
            + "); read it from the file or resource instead");
    return note;
  }
}
