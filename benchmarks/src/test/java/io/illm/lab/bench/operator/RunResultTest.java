package io.illm.lab.bench.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void theChildsLineReadsBackAsTheSameResult() {
    RunResult result = new RunResult(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);

    assertEquals(result, RunResult.parse(result.line()));
  }

  @Test
  void aLineWithoutTheServersFieldsReadsAsNoServer() {
    RunResult result = new RunResult(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, -1, -1, -1);
    String line = result.line().replaceAll(" serverCpuMillis=.*$", "");

    assertEquals(result, RunResult.parse(line));
  }
}
