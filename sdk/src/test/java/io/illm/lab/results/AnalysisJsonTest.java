package io.illm.lab.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalysisJsonTest {

  @TempDir Path run;

  private final Analysis first = new Analysis("a", "m", "2026-12-01T10:00:00Z", "ab", "one");
  private final Analysis second = new Analysis("b", null, "2026-12-01T11:00:00Z", "cd", "two");

  @Test
  void analysesAreAddedInOrderAndReadBack() {
    assertEquals(List.of(), AnalysisJson.read(run), "none before the first");
    AnalysisJson.append(run, first);
    AnalysisJson.append(run, second);
    assertEquals(List.of(first, second), AnalysisJson.read(run));
    try (var files = Files.list(run)) {
      assertEquals(List.of(run.resolve(AnalysisJson.FILE)), files.toList(), "no temporary left");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void theSameAnalysesGiveTheSameBytes() {
    String json = new String(AnalysisJson.write(List.of(first, second)), StandardCharsets.UTF_8);
    assertEquals(
        json, new String(AnalysisJson.write(List.of(first, second)), StandardCharsets.UTF_8));
    assertTrue(
        json.startsWith(
            "{\n  \"schemaVersion\" : 1,\n  \"analyses\" : [ {\n    \"author\" : \"a\""),
        json);
    assertTrue(json.endsWith("}\n"), json);
    assertTrue(!json.contains("\"model\" : null"), "absent fields are left out: " + json);
  }

  @Test
  void aNewerSchemaIsRefusedNamingTheFile() throws Exception {
    Files.writeString(run.resolve(AnalysisJson.FILE), "{\"schemaVersion\": 9, \"analyses\": []}");
    var e = assertThrows(SummaryJson.SummaryFormatException.class, () -> AnalysisJson.read(run));
    assertTrue(e.getMessage().contains(AnalysisJson.FILE), e.getMessage());
  }
}
