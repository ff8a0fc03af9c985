package io.illm.lab.results;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code analysis.json}, the analyses of a run kept beside its {@code
 * summary.json}: {@code {"schemaVersion": 1, "analyses": [...]}} in the order they were added,
 * indented, with a final newline. Adding one rewrites the file through a temporary file, so a
 * reader sees the old list or the new one.
 */
public final class AnalysisJson {

  /** The file's name in a run's folder. */
  public static final String FILE = "analysis.json";

  public static final int SCHEMA_VERSION = 1;

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The file's content. */
  @JsonPropertyOrder({"schemaVersion", "analyses"})
  record Analyses(int schemaVersion, List<Analysis> analyses) {}

  private AnalysisJson() {}

  /** The analyses in a run's folder, oldest first; none when there is no analysis.json. */
  public static List<Analysis> read(Path runFolder) {
    Path file = runFolder.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      Analyses read = MAPPER.readValue(Files.readAllBytes(file), Analyses.class);
      if (read == null || read.analyses() == null) {
        return List.of();
      }
      if (read.schemaVersion() > SCHEMA_VERSION) {
        throw new SummaryJson.SummaryFormatException(
            file + ": schemaVersion: " + read.schemaVersion() + " is newer than this lab reads");
      }
      return List.copyOf(read.analyses());
    } catch (IOException e) {
      throw new SummaryJson.SummaryFormatException(
          file + ": not an analysis.json: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** Adds {@code analysis} to the run folder's analyses. */
  public static void append(Path runFolder, Analysis analysis) {
    List<Analysis> all = new ArrayList<>(read(runFolder));
    all.add(analysis);
    try {
      Path temporary = Files.createTempFile(runFolder, ".analysis", ".json.tmp");
      Files.write(temporary, write(all));
      Files.move(
          temporary,
          runFolder.resolve(FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file's bytes for {@code analyses}. */
  public static byte[] write(List<Analysis> analyses) {
    try {
      return (MAPPER.writeValueAsString(new Analyses(SCHEMA_VERSION, analyses)) + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e); // strings only
    }
  }
}
