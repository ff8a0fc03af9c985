package io.illm.lab.operator.adapters.folder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.operator.testing.Testing;
import io.illm.lab.results.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderResultsStoreTest {

  @TempDir Path dir;

  @Test
  void aRunIsWrittenInTheDocumentedLayout() throws Exception {
    FolderResultsStore store = new FolderResultsStore(dir);
    RunFiles run = Testing.files("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z");
    store.put(run);

    Path folder = dir.resolve("experiments/tsdb/20261127T000100Z-6f1c2d3e");
    assertArrayEquals(
        SummaryJson.write(Testing.summary("tsdb", "6f1c2d3e-1", "2026-11-27T00:01:00Z")),
        Files.readAllBytes(folder.resolve("summary.json")));
    assertEquals(
        "{\"status\":\"success\",\"target\":\"vm\"}",
        Files.readString(folder.resolve("raw/cpu/vm.json"), StandardCharsets.UTF_8));
    assertEquals(folder.toUri().toString(), store.location(run.key()));
    assertTrue(
        store.location(run.key()).startsWith("file:///")
            && store.location(run.key()).endsWith("/"));
  }

  @Test
  void writingTheSameRunAgainGivesTheSameFilesAndLeavesNoTemporaries() throws Exception {
    FolderResultsStore store = new FolderResultsStore(dir);
    RunFiles run = Testing.files("tsdb", "u1", "2026-11-27T00:01:00Z");
    store.put(run);
    store.put(run);
    assertArrayEquals(run.summary(), store.summary(run.key()).orElseThrow());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(
          List.of(),
          files.filter(f -> f.getFileName().toString().startsWith(".writing-")).toList());
    }
  }

  @Test
  void runsAreThoseWithASummaryOldestFirst() throws Exception {
    FolderResultsStore store = new FolderResultsStore(dir);
    store.put(Testing.files("tsdb", "bbbbbbbb", "2026-11-28T00:00:00Z"));
    store.put(Testing.files("tsdb", "aaaaaaaa", "2026-11-27T00:00:00Z"));
    store.put(Testing.files("other", "cccccccc", "2026-11-27T00:00:00Z"));
    // raw files without summary.json: a run being written, or one whose store failed half-way
    Files.createDirectories(dir.resolve("experiments/tsdb/20261129T000000Z-dddddddd/raw"));

    assertEquals(
        List.of(
            new RunKey("tsdb", "20261127T000000Z-aaaaaaaa"),
            new RunKey("tsdb", "20261128T000000Z-bbbbbbbb")),
        store.runs("tsdb"));
    assertEquals(List.of("other", "tsdb"), store.experiments());
    assertEquals(List.of(), store.runs("none"));
    assertEquals(
        Optional.empty(),
        store.summary(new RunKey("tsdb", "20261129T000000Z-dddddddd")).map(b -> "present"));
  }
}
