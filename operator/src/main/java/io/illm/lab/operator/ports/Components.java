package io.illm.lab.operator.ports;

import java.util.Set;

/**
 * The component catalogue: the Component objects experiments refer to by name.
 *
 * <p>May throw {@link PortException} when the catalogue cannot be read.
 */
public interface Components {

  /**
   * The names among {@code names} that the catalogue does not have (Components are cluster-scoped:
   * one catalogue per cluster).
   */
  Set<String> missing(ExperimentId experiment, Set<String> names);
}
