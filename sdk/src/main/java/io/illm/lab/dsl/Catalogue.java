package io.illm.lab.dsl;

import io.illm.lab.model.Component;
import io.illm.lab.model.Experiment;
import java.util.List;

/**
 * The definitions a module offers the CLI, found with {@link java.util.ServiceLoader}: register an
 * implementation in {@code META-INF/services/io.illm.lab.dsl.Catalogue}.
 *
 * <p>The objects must come from the DSL's {@code build()}, which checks each one on its own; {@code
 * ./lab synth} then checks only what needs the whole set (references to components of other
 * catalogues, duplicate names), so large catalogues are not validated twice.
 */
public interface Catalogue {

  /** Every component, built ({@link ComponentDef#build()}), sorted by name. */
  List<Component> components();

  /** Every experiment, built ({@link ExperimentDef#build()}), sorted by name. */
  List<Experiment> experiments();
}
