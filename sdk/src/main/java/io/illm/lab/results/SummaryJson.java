package io.illm.lab.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads {@code summary.json}: indented, keys in a fixed order, maps sorted, a final
 * newline, so that the same summary gives the same bytes. Reading refuses unknown fields only in
 * the major version it knows nothing of: a newer {@code schemaVersion} is an error naming the file.
 */
public final class SummaryJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private SummaryJson() {}

  /** The summary as UTF-8 JSON bytes. */
  public static byte[] write(Summary summary) {
    try {
      return (MAPPER.writeValueAsString(summary) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "summary cannot be written as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes the summary to {@code file}, creating its folder. */
  public static void write(Summary summary, Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.write(file, write(summary));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a summary.
   *
   * @param source names the input in errors (a file or an S3 key)
   * @throws SummaryFormatException naming the source and the field path when the JSON is not a
   *     summary
   */
  public static Summary read(String source, byte[] json) {
    try {
      Summary summary = MAPPER.readValue(json, Summary.class);
      if (summary == null || summary.experiment() == null) {
        throw new SummaryFormatException(
            source + ": experiment: missing (not a summary.json written by illm-lab)");
      }
      if (summary.schemaVersion() > Summary.SCHEMA_VERSION) {
        throw new SummaryFormatException(
            source
                + ": schemaVersion: "
                + summary.schemaVersion()
                + " is newer than this lab reads ("
                + Summary.SCHEMA_VERSION
                + "); update the lab");
      }
      return summary;
    } catch (MismatchedInputException e) {
      throw new SummaryFormatException(source + ": " + path(e) + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SummaryFormatException(
          source + ": not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** Reads the summary in {@code file}. */
  public static Summary read(Path file) {
    try {
      return read(file.toString(), Files.readAllBytes(file));
    } catch (IOException e) {
      throw new SummaryFormatException(file + ": cannot read: " + e.getMessage());
    }
  }

  private static String path(MismatchedInputException e) {
    StringBuilder path = new StringBuilder();
    for (var ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(document)" : path.toString();
  }

  /** A file that is not a summary this lab can read. */
  public static final class SummaryFormatException extends RuntimeException {
    public SummaryFormatException(String message) {
      super(message);
    }
  }
}
