package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkloadTemplateTest {

  @Test
  void documentOneIsTheWorkedExample() throws Exception {
    assertEquals(
        Optional.empty(),
        OutputCheck.difference("", WorkedExample.tree(), WorkloadTemplate.load().document(1)));
  }
}
