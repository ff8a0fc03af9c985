package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import java.util.List;
import java.util.Map;

/** The {@code offset}/{@code limit} arguments of listing tools and their pages ({@link Bound}). */
final class Paging {

  private Paging() {}

  /** Adds {@code offset} and {@code limit} to an input schema. */
  static Schema schema(Schema schema) {
    return schema
        .integer(
            "offset",
            "where the page starts (nextOffset of the previous page); default 0",
            0,
            1_000_000)
        .integer(
            "limit",
            "the most items on the page; default " + Bound.DEFAULT_LIMIT,
            1,
            Bound.MAX_LIMIT);
  }

  /** The output schema of a page of {@code field}. */
  static Map<String, Object> output(String field, String description) {
    return Schema.output()
        .array(field, description)
        .integer("total", "how many there are in all", 0, Integer.MAX_VALUE)
        .integer("offset", "where this page starts", 0, Integer.MAX_VALUE)
        .nullable("nextOffset", "integer", "the offset of the next page, or null on the last")
        .required(field, "total", "offset", "nextOffset")
        .build();
  }

  /** A new result holding the page the call asked for. */
  static ObjectNode of(String field, List<JsonNode> items, LabTool.Call call) {
    ObjectNode out = LabYaml.json().createObjectNode();
    into(out, field, items, call);
    return out;
  }

  /** Puts the page the call asked for into {@code out}. */
  static void into(ObjectNode out, String field, List<JsonNode> items, LabTool.Call call) {
    int offset = Math.max(0, call.integer("offset", 0));
    int limit = Math.min(Bound.MAX_LIMIT, Math.max(1, call.integer("limit", Bound.DEFAULT_LIMIT)));
    Bound.page(out, field, items, offset, limit);
  }
}
