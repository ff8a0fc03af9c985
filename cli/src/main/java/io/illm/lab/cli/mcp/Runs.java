package io.illm.lab.cli.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import io.illm.lab.operator.adapters.folder.FolderResultsStore;
import io.illm.lab.operator.results.RunKey;
import io.illm.lab.yaml.LabYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The runs kept in the lab's results folder ({@code .lab/results}, where {@code run_experiment} and
 * {@code ./lab run} keep them): finding an experiment's runs and reading a run's summary.
 */
final class Runs {

  /** One run: its key, its summary's bytes and tree, its folder. */
  record Run(RunKey key, byte[] bytes, JsonNode summary, Path folder) {}

  private final FolderResultsStore store;

  Runs(Lab lab) {
    this.store = new FolderResultsStore(lab.results());
  }

  /** The experiment's runs, oldest first; a tool error naming what is there when there is none. */
  List<RunKey> of(String experiment) throws ToolFailure {
    if (!RunKey.isName(experiment)) {
      throw ToolFailure.error(
          "experiment", "\"" + experiment + "\" is not an experiment name", "e.g. hello-app");
    }
    List<RunKey> runs = store.runs(experiment);
    if (runs.isEmpty()) {
      throw ToolFailure.error(
          "experiment",
          "no runs of " + experiment + " in " + store.root(),
          "run it with run_experiment"
              + (store.experiments().isEmpty()
                  ? ""
                  : "; experiments with runs: " + String.join(", ", store.experiments())));
    }
    return runs;
  }

  /** The run {@code run} of the experiment, or its latest when {@code run} is null. */
  Run read(String experiment, String run) throws ToolFailure {
    List<RunKey> runs = of(experiment);
    RunKey key = run == null ? runs.get(runs.size() - 1) : new RunKey(experiment, safe(run));
    if (!runs.contains(key)) {
      throw ToolFailure.error(
          "run",
          "no run " + run + " of " + experiment,
          "runs: " + String.join(", ", runs.stream().map(RunKey::run).toList()));
    }
    return read(key);
  }

  Run read(RunKey key) throws ToolFailure {
    byte[] bytes = store.summary(key).orElseThrow();
    try {
      return new Run(
          key, bytes, LabYaml.json().readTree(bytes), store.root().resolve(key.folder()));
    } catch (IOException e) {
      throw ToolFailure.error(
          "run", key + ": summary.json is not JSON: " + e.getMessage(), "run it again");
    }
  }

  String location(RunKey key) {
    return store.location(key);
  }

  private static String safe(String run) throws ToolFailure {
    if (!RunKey.isName(run)) {
      throw ToolFailure.error("run", "\"" + run + "\" is not a run name", "list_runs names them");
    }
    return run;
  }
}
