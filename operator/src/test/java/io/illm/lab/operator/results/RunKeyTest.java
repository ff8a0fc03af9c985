package io.illm.lab.operator.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.illm.lab.operator.testing.Testing;
import io.illm.lab.results.Summary;
import org.junit.jupiter.api.Test;

class RunKeyTest {

  @Test
  void theRunIsTheStartTimeAndTheUidPrefix() {
    RunKey key = RunKey.of(Testing.summary("tsdb", "6f1c2d3e-aaaa-bbbb", "2026-11-27T00:01:02Z"));
    assertEquals(new RunKey("tsdb", "20261127T000102Z-6f1c2d3e"), key);
    assertEquals("experiments/tsdb/20261127T000102Z-6f1c2d3e/summary.json", key.summaryKey());
    assertEquals(
        "experiments/tsdb/20261127T000102Z-6f1c2d3e/raw/cpu/vm.json", key.rawKey("cpu/vm.json"));
  }

  @Test
  void withoutAStartTheCreationTimeNamesTheRun() {
    Summary summary = Testing.summary("tsdb", "u1", null);
    assertEquals("20261127T000000Z-u1", RunKey.of(summary).run());
  }

  @Test
  void aSummaryWithoutUidNamesTheField() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> RunKey.of(Testing.summary("tsdb", null, null)));
    assertEquals(
        "summary: experiment.uid: missing (it tells two runs of one name apart)", e.getMessage());
  }

  @Test
  void aMalformedStartTimeNamesTheField() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RunKey.of(Testing.summary("tsdb", "u1", "yesterday")));
    assertEquals("summary: run.startedAt: \"yesterday\" is not an RFC 3339 time", e.getMessage());
  }

  @Test
  void namesThatLeaveTheFolderAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new RunKey("..", "r"));
    assertThrows(IllegalArgumentException.class, () -> new RunKey("a/b", "r"));
    assertThrows(IllegalArgumentException.class, () -> new RunKey("a", "r..x"));
  }

  @Test
  void runsSortOldestFirst() {
    assertEquals(
        -1,
        Integer.signum(
            new RunKey("a", "20261127T000000Z-b")
                .compareTo(new RunKey("a", "20261128T000000Z-a"))));
  }
}
