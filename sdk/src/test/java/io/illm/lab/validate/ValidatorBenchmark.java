package io.illm.lab.validate;

import static org.quicktheories.QuickTheory.qt;

import io.illm.lab.model.Experiment;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints how long validating 10,000 generated experiments takes (not a test: surefire runs only
 * classes ending in Test). Run with the test classpath: {@code java ...
 * io.illm.lab.validate.ValidatorBenchmark}.
 */
public final class ValidatorBenchmark {

  private ValidatorBenchmark() {}

  public static void main(String[] args) {
    List<Experiment> experiments = new ArrayList<>();
    qt().withExamples(10_000)
        .forAll(ExperimentGenerators.experiments())
        .checkAssert(experiments::add);
    ComponentCatalogue catalogue = ExperimentGenerators.catalogue();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.println("round  experiments  wall ms  cpu ms  problems");
    for (int round = 1; round <= 5; round++) {
      long wall = System.nanoTime();
      long cpu = threads.getCurrentThreadCpuTime();
      int problems = 0;
      for (Experiment experiment : experiments) {
        problems += Validator.validate("bench", experiment, catalogue).size();
      }
      System.out.printf(
          "%5d  %11d  %7d  %6d  %8d%n",
          round,
          experiments.size(),
          (System.nanoTime() - wall) / 1_000_000,
          (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000,
          problems);
    }
  }
}
