package io.illm.lab.cli.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.ExitCodes;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.site.SampleSummaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int lab(String... args) {
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  @Test
  void labSitePrintsThePathOfTheIndex() {
    Path results = SampleSummaries.results(dir);
    Path site = dir.resolve("public");
    assertEquals(0, lab("site", results.toString(), "--out", site.toString()), err.toString());
    assertEquals(
        site.resolve("index.html").toAbsolutePath().normalize() + System.lineSeparator(),
        out.toString());
    assertEquals("", err.toString());
    assertTrue(Files.isRegularFile(site.resolve("experiments/hello-sim/index.html")));
  }

  @Test
  void jsonIsOneObjectWithTheIndexTheRunsAndEveryProblem() throws IOException {
    Path results = SampleSummaries.results(dir);
    Path bad = Files.writeString(dir.resolve("summary.json"), "{not json");
    Path site = dir.resolve("public");
    int code =
        lab(
            "site",
            results.toString(),
            bad.toString(),
            "--out",
            site.toString(),
            "--output",
            "json");
    assertEquals(io.illm.lab.cli.ExitCodes.INVALID, code);
    assertEquals(1, out.toString().lines().count(), out.toString());
    var json = io.illm.lab.yaml.LabYaml.json().readTree(out.toString());
    assertEquals(
        site.resolve("index.html").toAbsolutePath().normalize().toString(),
        json.path("index").asText());
    assertEquals(4, json.path("runs").asInt());
    assertTrue(json.path("built").asBoolean());
    assertTrue(
        json.at("/problems/0/message").asText().startsWith(bad + ": not JSON"), json.toString());
  }

  @Test
  void aBadSummaryExitsTwoNamingItAfterBuildingTheRest() throws IOException {
    Path results = SampleSummaries.results(dir);
    Path bad = Files.writeString(dir.resolve("summary.json"), "{not json");
    int code =
        lab("site", results.toString(), bad.toString(), "--out", dir.resolve("public").toString());
    assertEquals(ExitCodes.INVALID, code);
    assertTrue(err.toString().startsWith(bad + ": not JSON: "), err.toString());
    assertTrue(out.toString().endsWith("index.html" + System.lineSeparator()), out.toString());
  }

  @Test
  void isListedByLabHelp() {
    assertEquals(0, lab("--help"));
    assertTrue(out.toString().contains("site"), out.toString());
  }
}
