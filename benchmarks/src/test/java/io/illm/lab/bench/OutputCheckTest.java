package io.illm.lab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputCheckTest {

  private static final YAMLMapper YAML = new YAMLMapper();

  @Test
  void numbersCompareByValue() throws Exception {
    assertEquals(
        Optional.empty(), OutputCheck.difference("", tree("value: 250"), tree("value: 250.0")));
  }

  @Test
  void aQuotedNumberIsNotANumber() throws Exception {
    assertEquals(
        Optional.of("replicas: expected string \"2\", found number 2"),
        OutputCheck.difference("", tree("replicas: \"2\""), tree("replicas: 2")));
  }

  @Test
  void namesThePathOfTheFirstDifferenceAndExtraKeys() throws Exception {
    assertEquals(
        Optional.of("spec.targets[1].depends: missing"),
        OutputCheck.difference(
            "",
            tree("spec: {targets: [{name: a}, {depends: [a]}]}"),
            tree("spec: {targets: [{name: a}, {}]}")));
    assertEquals(
        Optional.of("spec.extra: not in the workload (value 1)"),
        OutputCheck.difference("", tree("spec: {}"), tree("spec: {extra: 1}")));
  }

  @Test
  void reportsMissingWrongAndUnexpectedFiles(@TempDir Path dir) throws Exception {
    OutputCheck check = new OutputCheck(WorkloadTemplate.load());
    Files.writeString(dir.resolve("exp-00001.yaml"), "kind: Other\n");
    Files.writeString(dir.resolve("stray.yaml"), "a: 1\n");

    List<String> problems =
        check.problems(dir, 2, i -> dir.resolve(new WorkloadValues(i).name() + ".yaml"));

    assertEquals(
        List.of(
            dir.resolve("exp-00001.yaml") + ": apiVersion: missing",
            dir.resolve("exp-00002.yaml") + ": missing",
            dir.resolve("stray.yaml") + ": not part of the workload (expected 2 files)"),
        problems);
  }

  private static JsonNode tree(String yaml) throws Exception {
    return YAML.readTree(yaml);
  }
}
