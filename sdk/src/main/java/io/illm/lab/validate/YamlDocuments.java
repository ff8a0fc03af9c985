package io.illm.lab.validate;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.illm.lab.rules.Problem;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The YAML documents of one file, read with {@link LabYaml#reader()}'s limits. Whatever goes wrong
 * (bytes that are not UTF-8, malformed YAML, duplicate keys, alias bombs, deep nesting, oversized
 * documents, an empty file) becomes one problem naming the place, never an exception.
 *
 * @param documents the non-empty documents, in file order
 * @param problems what kept the file (or its rest) from being read
 */
public record YamlDocuments(List<JsonNode> documents, List<Problem> problems) {

  /**
   * Files larger than this are not read at all (bytes); a document may not exceed the code point
   * limit anyway.
   */
  private static final Pattern DOCUMENT_START = Pattern.compile("(?m)^---(?=\\s|$)");

  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  static final long MAX_FILE_BYTES = 8L * LabYaml.MAX_DOCUMENT_CODE_POINTS;

  /**
   * Every YAML the lab reads from users goes through here (files and strings alike), so that the
   * limits hold everywhere.
   */
  public YamlDocuments {
    documents = List.copyOf(documents);
    problems = List.copyOf(problems);
  }

  /** Parses YAML text that is already decoded; {@code label} names it in problems. */
  public static YamlDocuments parse(String text, String label) {
    List<Problem> problems = new ArrayList<>();
    List<JsonNode> documents = new ArrayList<>();
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (withinSizeLimit(body, label, problems) && scan(body, label, problems)) {
      parse(body, label, documents, problems);
    }
    return new YamlDocuments(documents, problems);
  }

  /** Reads {@code path}; {@code label} names the file in problems. */
  public static YamlDocuments read(Path path, String label) {
    List<Problem> problems = new ArrayList<>();
    List<JsonNode> documents = new ArrayList<>();
    try {
      if (Files.size(path) > MAX_FILE_BYTES) {
        problems.add(
            Problem.error(
                label,
                "",
                "file too large (" + Files.size(path) + " bytes)",
                "split it; a file may have at most " + MAX_FILE_BYTES + " bytes"));
        return new YamlDocuments(documents, problems);
      }
      String text = decode(Files.readAllBytes(path), label, problems);
      if (text != null && withinSizeLimit(text, label, problems) && scan(text, label, problems)) {
        parse(text, label, documents, problems);
      }
    } catch (IOException e) {
      problems.add(
          Problem.error(
              label,
              "",
              "cannot read the file: "
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : " " + e.getMessage()),
              ""));
    }
    if (problems.isEmpty() && documents.isEmpty()) {
      problems.add(
          Problem.error(
              label,
              "",
              "empty file: no YAML document in it",
              "add an Experiment or Component, or delete the file"));
    }
    return new YamlDocuments(documents, problems);
  }

  private static String decode(byte[] bytes, String label, List<Problem> problems) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      problems.add(
          Problem.error(
              label,
              "",
              String.format(
                  "not valid UTF-8: byte 0x%02X at %d:%d",
                  bytes[offset] & 0xFF, line, offset - lineStart + 1),
              "save the file as UTF-8"));
      return null;
    }
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /**
   * Refuses a document over the code point limit before parsing it: SnakeYAML enforces the limit
   * too, but only after scanning megabytes of text, which takes seconds.
   */
  private static boolean withinSizeLimit(String text, String label, List<Problem> problems) {
    int document = 1;
    int start = 0;
    for (String part : DOCUMENT_START.split(text, -1)) {
      if (part.codePointCount(0, part.length()) > LabYaml.MAX_DOCUMENT_CODE_POINTS) {
        int line = (int) text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        problems.add(
            Problem.error(
                label,
                "",
                "document "
                    + document
                    + " (from line "
                    + line
                    + ") exceeds the limit of "
                    + LabYaml.MAX_DOCUMENT_CODE_POINTS
                    + " characters",
                "split it; a document may have at most "
                    + LabYaml.MAX_DOCUMENT_CODE_POINTS
                    + " characters"));
        return false;
      }
      document++;
      start += part.length() + 4;
    }
    return true;
  }

  /**
   * Rejects aliases and deep nesting before the tree is built. Jackson reads YAML through the event
   * parser, so the loader's alias and depth limits never apply, and it would read an alias ({@code
   * *a}) as the string "a": silently wrong data rather than an alias bomb.
   */
  private static boolean scan(String text, String label, List<Problem> problems) {
    try (JsonParser parser = LabYaml.reader().createParser(text)) {
      int depth = 0;
      int nulls = 0;
      while (nulls < 2) {
        JsonToken token = parser.nextToken();
        nulls = token == null ? nulls + 1 : 0;
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          problems.add(
              Problem.error(
                  label,
                  "",
                  "YAML alias *"
                      + parser.getText()
                      + " at "
                      + where(parser)
                      + ": aliases are not supported",
                  "write the value out in full"));
          return false;
        }
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          depth++;
          if (depth > LabYaml.MAX_NESTING_DEPTH) {
            problems.add(
                Problem.error(
                    label,
                    "",
                    "nested too deeply at " + where(parser),
                    "at most " + LabYaml.MAX_NESTING_DEPTH + " levels of nesting"));
            return false;
          }
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          depth--;
        }
      }
      return true;
    } catch (JsonProcessingException e) {
      problems.add(Problem.error(label, "", describe(e), hint(e)));
      return false;
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error(label, "", "cannot read YAML: " + firstLine(e.getMessage()), ""));
      return false;
    }
  }

  private static String where(JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return at.getLineNr() + ":" + at.getColumnNr();
  }

  private static void parse(
      String text, String label, List<JsonNode> documents, List<Problem> problems) {
    try (MappingIterator<JsonNode> values =
        LabYaml.reader().readerFor(JsonNode.class).readValues(text)) {
      while (values.hasNextValue()) {
        JsonNode document = values.nextValue();
        boolean empty =
            document == null
                || document.isNull()
                || document.isMissingNode()
                || (document.isTextual() && document.textValue().isEmpty());
        if (!empty) {
          documents.add(document);
        }
      }
    } catch (JsonProcessingException e) {
      problems.add(Problem.error(label, "", describe(e), hint(e)));
    } catch (IOException | RuntimeException e) {
      problems.add(Problem.error(label, "", "cannot read YAML: " + firstLine(e.getMessage()), ""));
    }
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where =
        at == null || at.getLineNr() < 0 ? "" : " at " + at.getLineNr() + ":" + at.getColumnNr();
    // SnakeYAML's last mark is where the problem is; Jackson reports where the construct began.
    Matcher mark = MARK.matcher(String.valueOf(e.getOriginalMessage()));
    while (mark.find()) {
      where = " at " + mark.group(1) + ":" + mark.group(2);
    }
    return "malformed YAML" + where + ": " + parserMessage(e.getOriginalMessage());
  }

  private static String hint(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).toLowerCase();
    if (message.contains("duplicate")) {
      return "each key may appear once per mapping";
    }
    if (message.contains("alias")) {
      return "the lab's YAML needs no aliases; write the values out (at most "
          + LabYaml.MAX_ALIASES
          + " aliases)";
    }
    if (message.contains("nesting") || message.contains("depth")) {
      return "at most " + LabYaml.MAX_NESTING_DEPTH + " levels of nesting";
    }
    if (message.contains("code point") || message.contains("exceeds the limit")) {
      return "a document may have at most " + LabYaml.MAX_DOCUMENT_CODE_POINTS + " characters";
    }
    return "";
  }

  /**
   * SnakeYAML's message without its source excerpts: "while parsing a flow sequence: expected ','
   * or ']'".
   */
  private static String parserMessage(String message) {
    if (message == null) {
      return "unknown error";
    }
    List<String> kept = new ArrayList<>();
    for (String line : message.split("\n")) {
      String stripped = line.strip();
      if (!stripped.isEmpty() && !line.startsWith(" ") && !line.startsWith("\t")) {
        kept.add(stripped);
      }
    }
    return kept.isEmpty() ? firstLine(message) : String.join(": ", kept);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.strip();
    int newline = line.indexOf('\n');
    return newline < 0 ? line : line.substring(0, newline).strip();
  }
}
