package io.illm.lab.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.cli.LabCommand;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lab run} end to end: the embedded hub, the JOSDK operator, the simulated world at
 * instant timings.
 */
class RunCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path results;

  @Test
  void helloAppRunsToCompleteAndSaysItWasSimulated() throws Exception {
    assertEquals(0, run("run", "hello-app", "--instant"), err.toString());
    String summary = out.toString();
    assertTrue(summary.startsWith("hello-app: Complete"), summary);
    assertTrue(summary.contains("SIMULATED"), summary);
    // hello-app declares no requests or limits: the simulated levels derive from the defaults
    // (64 MiB request, 256 MiB limit), its peak stays near 112 MiB whatever the window, so the
    // (simulated) verdict is the same on every run
    assertTrue(summary.contains("verdict: hypothesis validated (on simulated metrics)"), summary);
    assertTrue(
        summary.contains(
            "results: file://" + results.toUri().getPath() + "results/experiments/hello-app/"),
        summary);
    assertTrue(
        summary.contains("site: " + results.resolve("site").resolve("index.html").toUri()),
        summary);
    assertTrue(
        Files.readString(results.resolve("site").resolve("index.html")).contains("hello-app"));
    assertTheStoredSummaryIsSimulatedWithTheVerdictShown();
    // followed through a watch: every change after the first list is a line, the last one too
    assertTrue(err.toString().contains("] Running / Workload  targets: app="), err.toString());
    assertTrue(
        err.toString().matches("(?s).*\\] Complete / \\w+  targets: app=\\w+.*  reason: \\w+.*"),
        "progress lines: " + err);
    assertFalse(err.toString().contains("Exception"), err.toString());
  }

  /**
   * The lab's own WorkflowTemplate is published (not a placeholder) and its steps show as they run:
   * at 600x a step of hello-app's lasts a quarter of a second.
   */
  @Test
  void theWorkflowsStepsShowAsTheyRun() {
    assertEquals(0, run("run", "hello-app", "--time-factor", "600"), err.toString());
    String progress = err.toString();
    assertFalse(progress.contains("placeholder"), progress);
    assertTrue(
        progress.matches(
            "(?s).*workflow: Running [0-3]/4 (wait-for-workloads|smoke|load|record-load) .*"),
        progress);
    assertTrue(progress.contains("workflow: Succeeded 4/4"), progress);
  }

  @Test
  void aManualRunIsEndedByTheCompletionSignalAndSaysSo() {
    assertEquals(0, run("run", "loki-tutorial", "--instant"), err.toString());
    String summary = out.toString();
    assertTrue(summary.startsWith("loki-tutorial: Complete"), summary + err);
    assertTrue(
        summary.contains("  ended: by the completion signal the command sent"), summary + err);
    assertTrue(
        err.toString().contains("run: manual completion: with no learner here, the command sends"),
        err.toString());
  }

  @Test
  void aTutorialShowsItsServicesAndTheKubeconfigCommandOnceReady() {
    assertEquals(0, run("run", "loki-tutorial", "--instant"), err.toString());
    String progress = err.toString();
    assertTrue(
        progress.contains(
            "tutorial: services to open (in-cluster addresses; kubectl port-forward reaches them):\n"
                + "  grafana  app  kube-prometheus-stack-grafana.loki-tutorial.svc:80  ready\n"
                + "  loki     app  loki-gateway.loki-tutorial.svc:80  ready\n"
                + "tutorial: kubeconfig of app: kubectl get secret"
                + " loki-tutorial-app-tutorial-kubeconfig -n experiments -o"
                + " jsonpath='{.data.kubeconfig}' | base64 -d > app.kubeconfig"),
        progress);
  }

  @Test
  void aTutorialsJsonOutcomeHasItsServices() {
    assertEquals(0, run("run", "loki-tutorial", "--instant", "--output", "json"), err.toString());
    String json = out.toString();
    assertTrue(
        json.contains(
            "{\"name\":\"grafana\",\"target\":\"app\","
                + "\"endpoint\":\"kube-prometheus-stack-grafana.loki-tutorial.svc:80\""),
        json);
  }

  @Test
  void anAutomaticRunSaysNothingAboutManualEnds() {
    assertEquals(0, run("run", "hello-app", "--instant"), err.toString());
    assertFalse(out.toString().contains("ended:"), out.toString());
    assertFalse(err.toString().contains("manual completion"), err.toString());
  }

  @Test
  void aFailingClusterFailsTheRunWithItsReason() {
    assertEquals(1, run("run", "hello-app", "--instant", "--fail-cluster", "app"), err.toString());
    String summary = out.toString();
    assertTrue(summary.startsWith("hello-app: Failed (ClusterFailed)"), summary);
    assertTrue(summary.contains("simulated failure (--fail-cluster app)"), summary);
    assertTrue(
        summary.contains("cleanup: spec.cleanup retains the children"),
        "hello-app retains on failure: " + summary);
    assertTrue(summary.contains("SIMULATED"), summary);
  }

  @Test
  void aFailingWorkflowFailsTheRun() {
    assertEquals(1, run("run", "hello-app", "--instant", "--fail-workflow"), err.toString());
    assertTrue(out.toString().startsWith("hello-app: Failed (WorkflowFailed)"), out.toString());
  }

  @Test
  void jsonOutputIsOneObjectWithTheFinalStatus() throws Exception {
    assertEquals(0, run("run", "hello-app", "--instant", "--output", "json"), err.toString());
    assertEquals(1, out.toString().lines().count(), "one object on one line: " + out);
    JsonNode json = LabYaml.json().readTree(out.toString());
    assertEquals("Complete", json.path("phase").asText());
    assertTrue(json.path("terminal").asBoolean(), out.toString());
    assertEquals("Complete", json.path("status").path("phase").asText());
    assertEquals("validated", json.path("verdict").asText());
    assertTrue(json.path("simulated").asBoolean(), out.toString());
    assertEquals("experiments", json.path("namespace").asText());
  }

  @Test
  void invalidYamlIsReportedAndNothingStarts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.yaml");
    Files.writeString(
        file, "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nmetadata: [unclosed\n");
    assertEquals(2, run("run", file.toString()));
    assertTrue(err.toString().contains("broken.yaml"), err.toString());
    assertTrue(err.toString().contains("nothing was started"), err.toString());
    assertFalse(err.toString().contains("embedded hub"), err.toString());
    assertEquals("", out.toString());
  }

  @Test
  void anInvalidExperimentListsItsProblems(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("no-targets.yaml");
    Files.writeString(
        file,
        "apiVersion: experiments.illm.io/v1alpha1\nkind: Experiment\nmetadata:\n  name: x\n"
            + "spec:\n  targets: []\n");
    assertEquals(2, run("run", file.toString()));
    assertTrue(err.toString().contains("spec.targets"), err.toString());
  }

  @Test
  void anUnknownTargetToFailIsInvalidInput() {
    assertEquals(2, run("run", "hello-app", "--fail-cluster", "nope"));
    assertTrue(
        err.toString().contains("--fail-cluster nope: no such target (use one of: app)"),
        err.toString());
  }

  @Test
  void usageErrorsAreInvalidInputNotAFailedRun() {
    assertEquals(2, run("run", "hello-app", "--output", "xml"));
    assertEquals(2, run("run", "hello-app", "--time-factor", "0"));
    assertTrue(
        err.toString().contains("--time-factor must be a number greater than 0"), err.toString());
    assertEquals(2, run("run", "no-such-experiment"));
    assertTrue(err.toString().matches("(?s).*known: [a-z0-9, -]*hello-app.*"), err.toString());
  }

  @Test
  void aRunThatOutlivesItsTimeoutFailsWithAClearMessage() {
    // typical timings at real speed: an 8-minute cluster, a 1-second timeout
    assertEquals(
        1, run("run", "hello-app", "--time-factor", "1", "--timeout", "1s"), err.toString());
    assertTrue(
        out.toString().contains("no outcome: gave up after 1s of real time in phase"),
        out.toString());
    assertTrue(out.toString().contains("SIMULATED"), out.toString());
  }

  /**
   * The run's summary.json is in the results folder, marked simulated, with the verdict the status
   * shows.
   */
  private void assertTheStoredSummaryIsSimulatedWithTheVerdictShown() throws Exception {
    Path stored;
    try (var files = Files.walk(results)) {
      stored =
          files
              .filter(f -> f.getFileName().toString().equals("summary.json"))
              .findFirst()
              .orElseThrow();
    }
    // the run folder is the creation time and the start of the uid, a random one on the hub too
    String run = stored.getParent().getFileName().toString();
    assertTrue(run.matches("\\d{8}T\\d{6}Z-[0-9a-f]{8}") && !run.endsWith("-00000000"), run);
    var json = LabYaml.json().readTree(stored.toFile());
    assertTrue(json.get("simulated").asBoolean(), json.toString());
    assertEquals("validated", json.at("/verdict/result").asText(), json.toString());
    assertEquals("pass", json.at("/verdict/criteria/0/outcome").asText(), json.toString());
    assertEquals("simulated", json.at("/provenance/metricsSource").asText(), json.toString());
  }

  private int run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--root");
    all.add(LabCheckout.ROOT.toString());
    if (all.get(0).equals("run")) {
      all.add("--results");
      all.add(results.resolve("results").toString());
      all.add("--site");
      all.add(results.resolve("site").toString());
    }
    return LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(all.toArray(String[]::new));
  }
}
