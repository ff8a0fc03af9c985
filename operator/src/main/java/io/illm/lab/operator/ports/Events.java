package io.illm.lab.operator.ports;

import io.illm.lab.operator.lifecycle.Action.EmitEvent;

/**
 * Where users see what happened: Kubernetes Events on the experiment. Best effort: an event that
 * cannot be recorded is dropped (the status says the same), so {@link #emit} never throws.
 */
public interface Events {

  /** Records the event on the experiment. */
  void emit(ExperimentId experiment, EmitEvent event);
}
