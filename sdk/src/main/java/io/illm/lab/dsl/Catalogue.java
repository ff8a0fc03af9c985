package io.illm.lab.dsl;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.List;

/**
 * A set of definitions written with the DSL: what {@code ./lab synth} writes out.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in {@code
 * META-INF/services/io.illm.lab.dsl.Catalogue}.
 */
public interface Catalogue {

  /** The components, built. */
  List<Component> components();

  /** The experiments, built. */
  List<Experiment> experiments();
}
