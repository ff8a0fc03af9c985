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
    // hello-app declares no requests or limits: the simulated defaults (64 MiB request, 256 MiB
    // limit, a quarter of the way at the default load) put its peak near 112 MiB, inside 128 MiB
    assertEquals(Optional.of(HypothesisResult.VALIDATED), outcome.verdict(), outcome.toString());
    assertTrue(outcome.summary().orElseThrow().simulated(), "a simulated run says so");
  }
}
