package io.illm.lab.bench;

import io.illm.lab.model.Experiment;
import io.illm.lab.synth.Synth;
import io.illm.lab.validate.Problem;
import java.util.List;
import java.util.SortedMap;

/**
 * The project side of the benchmark: builds the N workload experiments and writes them the way
 * {@code ./lab synth} does (validate all, render, write), so under {@code <out>} there are {@code
 * experiments/<name>/experiment.yaml} and the CRDs in {@code generated-crds/}.
 *
 * <p>Usage: {@code SynthMain N [output-dir]} (N may also come from {@code EXPERIMENTS_N}). Exit code
 * 2 with the problems when an experiment is invalid.
 */
public final class SynthMain {

  private SynthMain() {}

  public static void main(String[] args) {
    RunArguments arguments = RunArguments.parse(args, "SynthMain", "synth-out");
    List<Experiment> experiments = SynthWorkload.experiments(arguments.count());
    List<Problem> problems = Synth.validate(List.of(), experiments);
    // Reported as ./lab synth reports them: warnings do not stop the write, errors do.
    problems.forEach(p -> (p.isError() ? System.err : System.out).println(p));
    if (problems.stream().anyMatch(Problem::isError)) {
      System.exit(2);
    }
    SortedMap<String, String> files = Synth.render(SynthWorkload.class.getName(), List.of(), experiments);
    Synth.write(arguments.out(), files);
    ExitReport.printIfAsked();
  }
}
