package io.illm.lab.bench;

import io.illm.lab.cli.LabCommand;
import java.io.PrintWriter;

/**
 * The project side of the benchmark: {@code lab synth --root <out>}, the command {@code ./lab
 * synth} runs, with the workload's {@link WorkloadCatalogue} as the only catalogue on the
 * classpath. So the N experiments are built with the DSL (which validates each), validated again
 * with their components by the synth, rendered and written as {@code
 * experiments/<name>/experiment.yaml}, {@code components/<category>/<name>.yaml} and {@code
 * generated-crds/}, with one line per written file on standard output.
 *
 * <p>Usage: {@code SynthMain N [output-dir]} (N may also come from {@code EXPERIMENTS_N}). The exit
 * code is the command's: 2 when an experiment is invalid.
 */
public final class SynthMain {

  private SynthMain() {}

  public static void main(String[] args) {
    RunArguments arguments = RunArguments.parse(args, "SynthMain", "synth-out");
    System.setProperty(WorkloadCatalogue.PROPERTY, Integer.toString(arguments.count()));
    int exit =
        LabCommand.execute(
            new PrintWriter(System.out, true),
            new PrintWriter(System.err, true),
            "synth",
            "--root",
            arguments.out().toString());
    ExitReport.printIfAsked();
    System.exit(exit);
  }
}
