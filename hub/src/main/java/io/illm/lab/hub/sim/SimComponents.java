package io.illm.lab.hub.sim;

import io.illm.lab.operator.ports.Components;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

/** A catalogue that has every component except those {@link #remove removed}. */
public final class SimComponents implements Components {

  private final Set<String> removed = new HashSet<>();

  /** Failure switch: the catalogue no longer has {@code component}. */
  public synchronized void remove(String component) {
    removed.add(component);
  }

  @Override
  public synchronized Set<String> missing(ExperimentId experiment, Set<String> names) {
    Set<String> missing = new TreeSet<>(names);
    missing.retainAll(removed);
    return missing;
  }
}
