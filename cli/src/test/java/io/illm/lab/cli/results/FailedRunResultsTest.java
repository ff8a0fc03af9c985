package io.illm.lab.cli.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.illm.lab.cli.LabCommand;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.model.Phase;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.cost.CostModel;
import io.illm.lab.operator.engine.Experiments;
import io.illm.lab.operator.lifecycle.Collecteds;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.results.RunFiles;
import io.illm.lab.operator.results.RunSummaries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that failed after collecting something: the summary the operator stores for it (through the
 * same {@link RunSummaries}) reads as Failed, with its reason, in {@code ./lab results} and on the
 * site.
 */
class FailedRunResultsTest {

  private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

  @TempDir Path root;

  @Test
  void aFailedRunsSummaryIsPrintedAndShownAsFailed() throws Exception {
    store(failedRun());

    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("results", "tsdb", "--root", root.toString());
    assertEquals(0, code, err.toString());
    assertTrue(
        out.toString().contains("phase       Failed: the experiment was deleted during Running"),
        out.toString());
    assertTrue(out.toString().contains("up "), "what it collected is listed: " + out);

    Path site = root.resolve("site");
    code =
        LabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
            .execute("site", root.resolve(".lab/results").toString(), "--out", site.toString());
    assertEquals(0, code, err.toString());
    String index = Files.readString(site.resolve("index.html"));
    assertTrue(index.contains(">Failed<"), "the run's row says Failed: " + index);
  }

  private Experiment failedRun() {
    Experiment experiment = Experiments.twoTargets("tsdb");
    experiment.getMetadata().setUid("6f1c2d3e-0000");
    experiment.getMetadata().setCreationTimestamp("2026-11-27T00:00:00Z");
    ExperimentStatus status = new ExperimentStatus();
    status.setPhase(Phase.FAILED);
    status.setMessage("the experiment was deleted during Running/Collecting");
    status.setStartedAt("2026-11-27T00:00:00Z");
    status.setCompletedAt(NOW.toString());
    status.setSimulated(true);
    experiment.setStatus(status);
    return experiment;
  }

  private void store(Experiment experiment) {
    RunSummaries summaries =
        new RunSummaries(
            id -> Optional.of(experiment.getMetadata()),
            CostModel.standard(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            false,
            "test");
    RunFiles run =
        RunFiles.of(
            summaries.summary(
                new ExperimentId(Experiments.NAMESPACE, "tsdb"),
                experiment.getSpec(),
                experiment.getStatus(),
                Collecteds.some()));
    new FolderResultsStore(root.resolve(".lab/results")).put(run);
  }
}
