package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One tool of the server: its name, what it does, the JSON schemas of its input and output, whether
 * it only reads (or changes nothing outside the lab's {@code .lab/} folder) or destroys, and what
 * it does when called.
 *
 * @param name the tool's name, as clients call it
 * @param title a short human title
 * @param description what it does and when to use it, for the assistant
 * @param input the JSON schema of its arguments
 * @param output the JSON schema of its result
 * @param readOnly it changes no cluster (it may write under the lab's .lab/ folder)
 * @param destructive it may delete what exists
 * @param handler what it does
 */
record LabTool(
    String name,
    String title,
    String description,
    Map<String, Object> input,
    Map<String, Object> output,
    boolean readOnly,
    boolean destructive,
    Handler handler) {

  /** What a tool does with its arguments; a result, or a {@link ToolFailure}. */
  @FunctionalInterface
  interface Handler {
    JsonNode call(Call call) throws ToolFailure, InterruptedException;
  }

  /**
   * One call: its arguments, and where its progress messages go (to the client as progress
   * notifications when it asked for them, else nowhere).
   */
  record Call(JsonNode arguments, Consumer<String> progress) {

    /** A text argument, or null when absent. */
    String text(String name) {
      JsonNode value = arguments.get(name);
      return value == null || value.isNull() ? null : value.asText();
    }

    /** A text argument that must be there. */
    String required(String name) throws ToolFailure {
      String value = text(name);
      if (value == null || value.isBlank()) {
        throw ToolFailure.error(name, "missing argument " + name, "give " + name);
      }
      return value;
    }

    int integer(String name, int fallback) {
      JsonNode value = arguments.get(name);
      return value == null || value.isNull() ? fallback : value.asInt();
    }

    boolean bool(String name, boolean fallback) {
      JsonNode value = arguments.get(name);
      return value == null || value.isNull() ? fallback : value.asBoolean();
    }
  }
}
