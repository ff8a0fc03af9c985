package io.illm.lab.bench.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RunResultTest {

  @Test
  void theChildsLineReadsBackAsTheSameResult() {
    RunResult result = new RunResult(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13);

    assertEquals(result, RunResult.parse(result.line()));
  }
}
