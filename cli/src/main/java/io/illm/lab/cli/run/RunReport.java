package io.illm.lab.cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.illm.lab.cli.follow.Progress;
import io.illm.lab.cli.follow.Timeline;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentStatus;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code ./lab run} adds to the shared {@link Progress} at the end of a run: that it was
 * simulated, and what the embedded hub does with retained children. Pure formatting.
 */
final class RunReport {

  static final String SIMULATED =
      "SIMULATED: the clusters, deployments and workflow of this run were objects in an"
          + " in-process API server acted on by simulated controllers, and its summary says simulated: true; its numbers"
          + " are not measurements of real clusters.";

  private RunReport() {}

  /**
   * The human summary of a finished run, or of one given up on ({@code timeout} says why): the
   * shared summary, marked simulated.
   */
  static List<String> summary(Experiment last, Optional<String> timeout) {
    List<String> lines =
        new ArrayList<>(
            timeout.isPresent()
                ? Progress.noOutcome(last, timeout.get(), true)
                : Progress.summary(last, true));
    ExperimentStatus status = last.getStatus();
    if (status != null && "Retaining".equals(status.getStep())) {
      lines.add(
          "  cleanup: spec.cleanup retains the children; the embedded hub discards them as it stops");
    }
    lines.add(SIMULATED);
    return lines;
  }

  /**
   * The machine-readable outcome: the shared JSON form of the last state, plus whether the run
   * timed out, that it was simulated, and the whole status.
   */
  static ObjectNode json(Experiment last, Optional<String> timeout, Timeline time) {
    ObjectNode root = Progress.json(last, null, time);
    root.put("timedOut", timeout.isPresent());
    root.put("timeout", timeout.orElse(null));
    root.put("simulated", true);
    root.put("note", SIMULATED);
    ExperimentStatus status = last.getStatus();
    JsonNode full = status == null ? LabYaml.json().nullNode() : LabYaml.json().valueToTree(status);
    root.set("status", full);
    return root;
  }
}
