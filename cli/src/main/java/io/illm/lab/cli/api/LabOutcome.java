package io.illm.lab.cli.api;

import io.illm.lab.model.Experiment;
import io.illm.lab.model.HypothesisResult;
import io.illm.lab.model.Phase;
import io.illm.lab.results.Summary;
import java.util.List;
import java.util.Optional;

/**
 * How an experiment run by {@link LabRunner} ended.
 *
 * @param experiment its last state, status included
 * @param phase Complete or Failed; the phase it was in when the run gave up otherwise
 * @param verdict the hypothesis' verdict, when the operator judged one
 * @param summary the run's summary.json, when its results are in a folder this process can read
 * @param report the lines {@code ./lab run} prints for it: phase, reason, verdict, cost, results
 */
public record LabOutcome(
    Experiment experiment,
    Phase phase,
    Optional<HypothesisResult> verdict,
    Optional<Summary> summary,
    List<String> report) {

  public LabOutcome {
    report = List.copyOf(report);
  }

  /** True when it ended Complete. */
  public boolean complete() {
    return phase == Phase.COMPLETE;
  }

  /** The report, one line each. */
  @Override
  public String toString() {
    return String.join("\n", report);
  }
}
