package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JacksonBaselineMainTest {

  @Test
  void documentOneIsTheWorkedExample() throws Exception {
    YAMLMapper mapper = new YAMLMapper();
    String yaml = mapper.writeValueAsString(JacksonBaselineMain.document(new WorkloadValues(1)));

    assertEquals(
        Optional.empty(), OutputCheck.difference("", WorkedExample.tree(), mapper.readTree(yaml)));
  }
}
