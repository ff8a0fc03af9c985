package io.illm.lab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;

/** The workload's worked example (experiment 1), the golden file {@code exp-00001.yaml}. */
final class WorkedExample {

  private WorkedExample() {}

  static JsonNode tree() throws IOException {
    try (InputStream in = WorkedExample.class.getResourceAsStream("exp-00001.yaml")) {
      return new YAMLMapper().readTree(in);
    }
  }
}
