package io.illm.lab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synth --output json}, with the lab's own definitions on the class path. */
class SynthJsonTest {

  @TempDir Path root;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void writeThenCheckSayWhatChangedAsJson() throws Exception {
    assertEquals(0, synth("--output", "json"), err.toString());
    JsonNode written = LabYaml.json().readTree(out.toString());
    assertTrue(written.path("valid").asBoolean(), written.toString());
    assertTrue(written.path("experiments").asInt() >= 1, written.toString());
    assertTrue(
        written
            .path("changes")
            .findValuesAsText("path")
            .contains("experiments/hello-app/experiment.yaml"),
        written.toString());
    Files.writeString(root.resolve("experiments/hello-app/experiment.yaml"), "stale\n");
    out.getBuffer().setLength(0);
    assertEquals(1, synth("--check", "--output", "json"), err.toString());
    JsonNode check = LabYaml.json().readTree(out.toString());
    assertEquals(1, check.path("changes").size(), check.toString());
    assertTrue(check.at("/changes/0/diff").asText().contains("-stale"), check.toString());
    assertEquals("", err.toString());
  }

  private int synth(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "synth";
    all[1] = "--root";
    all[2] = root.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all);
  }
}
