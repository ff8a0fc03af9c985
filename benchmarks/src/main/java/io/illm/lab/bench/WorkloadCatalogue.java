package io.illm.lab.bench;

import io.illm.lab.dsl.Catalogue;
import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.List;

/**
 * The workload as the CLI finds definitions: a {@link Catalogue} registered for {@link
 * java.util.ServiceLoader}, so that {@code lab synth} writes it exactly as it writes the lab's own.
 * The number of experiments comes from the system property {@value #PROPERTY} (set by {@link
 * SynthMain}), else from {@code EXPERIMENTS_N}.
 */
public final class WorkloadCatalogue implements Catalogue {

  /** The system property holding N. */
  public static final String PROPERTY = "illm.bench.experiments";

  private final int count;

  /** The catalogue of N experiments, N from {@value #PROPERTY} or {@code EXPERIMENTS_N}. */
  public WorkloadCatalogue() {
    String n = System.getProperty(PROPERTY, System.getenv(RunArguments.COUNT_VARIABLE));
    if (n == null) {
      throw new IllegalStateException(
          "set "
              + PROPERTY
              + " or "
              + RunArguments.COUNT_VARIABLE
              + " to the number of workload experiments");
    }
    this.count = Integer.parseInt(n.trim());
  }

  @Override
  public List<Component> components() {
    return SynthWorkload.components();
  }

  /** Experiments 1 to N, which is also sorted by name (the names are zero-padded). */
  @Override
  public List<Experiment> experiments() {
    return SynthWorkload.experiments(count);
  }
}
