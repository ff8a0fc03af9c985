package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Every tool call, one JSON object per line (JSON Lines), appended and flushed as the call ends:
 * {@code time}, {@code tool}, {@code arguments} (secrets redacted; long texts as their start,
 * length and SHA-256), {@code outcome} ({@code ok}, {@code error} or {@code refused}), {@code
 * message} (why, when not ok) and {@code durationMs}. The server's start is a line too ({@code
 * event: start}, with its safety settings).
 */
final class AuditLog {

  /** Where the log goes by default, under the lab root. */
  static final String DEFAULT_FILE = ".lab/mcp-audit.jsonl";

  /** Longer argument texts are logged as their start, length and hash. */
  static final int LONGEST_TEXT = 1000;

  private final Path file;
  private final Secrets secrets;
  private final Clock clock;

  AuditLog(Path file, Secrets secrets, Clock clock) {
    this.file = file;
    this.secrets = secrets;
    this.clock = clock;
  }

  Path file() {
    return file;
  }

  /** The server started, with these settings. */
  void started(JsonNode settings) {
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("event", "start");
    line.set("settings", settings);
    append(line);
  }

  /** A tool call ended with {@code outcome} ({@code message} says why when it is not ok). */
  void call(String tool, JsonNode arguments, String outcome, String message, Instant started) {
    ObjectNode line = LabYaml.json().createObjectNode();
    line.put("time", clock.instant().toString());
    line.put("event", "call");
    line.put("tool", tool);
    line.set("arguments", shorten(Secrets.redactNames(arguments)));
    line.put("outcome", outcome);
    line.put("message", message);
    line.put("durationMs", Duration.between(started, clock.instant()).toMillis());
    append(line);
  }

  private synchronized void append(ObjectNode line) {
    String text = secrets.scrub(Bound.compact(line)) + "\n";
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(
          file,
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit log " + file, e);
    }
  }

  /** Texts over {@link #LONGEST_TEXT} characters become their start, length and SHA-256. */
  private static JsonNode shorten(JsonNode node) {
    if (node.isTextual() && node.asText().length() > LONGEST_TEXT) {
      String text = node.asText();
      ObjectNode summary = LabYaml.json().createObjectNode();
      summary.put("start", text.substring(0, 200));
      summary.put("chars", text.length());
      summary.put("sha256", sha256(text));
      return summary;
    }
    if (node instanceof ObjectNode object) {
      ObjectNode copy = LabYaml.json().createObjectNode();
      object.fields().forEachRemaining(f -> copy.set(f.getKey(), shorten(f.getValue())));
      return copy;
    }
    if (node.isArray()) {
      var copy = LabYaml.json().createArrayNode();
      node.forEach(item -> copy.add(shorten(item)));
      return copy;
    }
    return node;
  }

  static String sha256(String text) {
    return sha256(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }
}
