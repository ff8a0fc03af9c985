package io.illm.lab.cli.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.validate.LabCheckout;
import io.illm.lab.yaml.LabYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An Experiment object run from Java, as a user's JUnit test runs one. */
@Timeout(120)
@EnableKubernetesMockClient(crud = true)
class LabRunnerTest {

  KubernetesClient client;

  @TempDir Path results;

  private static Experiment helloApp() throws Exception {
    return LabYaml.read(
        Files.readString(LabCheckout.ROOT.resolve("experiments/hello-app/experiment.yaml")),
        Experiment.class);
  }

  private RunOptions options() {
    return RunOptions.defaults().root(LabCheckout.ROOT).results(results);
  }

  @Test
  void runsOnTheEmbeddedHubAndReturnsPhaseVerdictAndSummary() throws Exception {
    Experiment hello = helloApp();

    LabOutcome outcome = LabRunner.run(hello, options());

    assertEquals(Phase.COMPLETE, outcome.phase(), outcome.toString());
    // the simulated Prometheus puts hello-app's peak memory above its 128 MiB envelope
    assertEquals(Optional.of(HypothesisResult.INVALIDATED), outcome.verdict(), outcome.toString());
    assertTrue(outcome.summary().orElseThrow().simulated());
    assertEquals("hello-app", outcome.summary().get().experiment().name());
    assertTrue(outcome.toString().startsWith("hello-app: Complete"), outcome.toString());
    assertNull(hello.getStatus(), "the object passed in is not changed");
    assertNull(hello.getMetadata().getNamespace());
  }

  @Test
  void aFailingWorkflowEndsFailed() throws Exception {
    LabOutcome outcome = LabRunner.run(helloApp(), options().failWorkflow());

    assertFalse(outcome.complete());
    assertEquals(Phase.FAILED, outcome.phase(), outcome.toString());
  }

  @Test
  void anInvalidExperimentStartsNothingAndSaysWhy() throws Exception {
    Experiment broken = helloApp();
    broken.getSpec().getTargets().get(0).getComponents().get(0).setApp("no-such-app");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> LabRunner.run(broken, options()));
    assertTrue(e.getMessage().contains("spec.targets[0].components[0]"), e.getMessage());
  }

  @Test
  void submitsToAClusterAndFollowsItUntilItEnds() throws Exception {
    ExecutorService background = Executors.newSingleThreadExecutor();
    try {
      Future<LabOutcome> submitted =
          background.submit(
              () ->
                  LabRunner.submit(helloApp(), client, options().timeout(Duration.ofSeconds(30))));
      Experiment created = awaitCreated();
      ExperimentStatus status = new ExperimentStatus();
      status.setPhase(Phase.COMPLETE);
      status.setHypothesisResult(HypothesisResult.VALIDATED);
      created.setStatus(status);
      client.resource(created).updateStatus();

      LabOutcome outcome = submitted.get(30, TimeUnit.SECONDS);
      assertEquals(Phase.COMPLETE, outcome.phase(), outcome.toString());
      assertEquals(Optional.of(HypothesisResult.VALIDATED), outcome.verdict());
      assertEquals(Optional.empty(), outcome.summary(), "the results are on the cluster's side");
      assertEquals(LabRunner.DEFAULT_NAMESPACE, created.getMetadata().getNamespace());
    } finally {
      background.shutdownNow();
    }
  }

  private Experiment awaitCreated() throws InterruptedException {
    for (int i = 0; i < 300; i++) {
      Experiment found =
          client
              .resources(Experiment.class)
              .inNamespace(LabRunner.DEFAULT_NAMESPACE)
              .withName("hello-app")
              .get();
      if (found != null) {
        return found;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("hello-app was not created");
  }
}
