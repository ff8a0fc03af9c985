package io.illm.lab.operator.ports;

import java.util.Set;

/**
 * The component catalogue: the Component objects experiments refer to by name.
 *
 * <p>May throw {@link PortException} when the catalogue cannot be read.
 */
public interface Components {

  /** The names among {@code names} that the catalogue of {@code experiment}'s namespace does not have. */
  Set<String> missing(ExperimentId experiment, Set<String> names);
}
