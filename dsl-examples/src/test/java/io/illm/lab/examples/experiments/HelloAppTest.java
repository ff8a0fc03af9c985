package io.illm.lab.examples.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.api.LabOutcome;
import io.illm.lab.cli.api.LabRunner;
import io.illm.lab.cli.api.RunOptions;
import io.illm.lab.model.HypothesisResult;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** hello-app on an embedded hub: simulated clusters, controllers and metrics, a few seconds. */
class HelloAppTest {

  /** The lab's root: its components/ and generated-crds/ (Maven runs tests in the module). */
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void runsToCompleteAndIsJudged(@TempDir Path results) throws Exception {
    LabOutcome outcome =
        LabRunner.run(HelloApp.build(), RunOptions.defaults().root(ROOT).results(results));

    assertTrue(outcome.complete(), outcome.toString());
    // the simulated Prometheus puts hello-app's peak memory above its 128 MiB envelope
    assertEquals(Optional.of(HypothesisResult.INVALIDATED), outcome.verdict(), outcome.toString());
    assertTrue(outcome.summary().orElseThrow().simulated(), "a simulated run says so");
  }
}
