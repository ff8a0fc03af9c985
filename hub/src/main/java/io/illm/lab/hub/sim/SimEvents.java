package io.illm.lab.hub.sim;

import io.illm.lab.operator.lifecycle.Action.EmitEvent;
import io.illm.lab.operator.ports.Events;
import io.illm.lab.operator.ports.ExperimentId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Events kept in memory, in the order emitted, per experiment. */
public final class SimEvents implements Events {

  private final Map<ExperimentId, List<EmitEvent>> events = new HashMap<>();

  @Override
  public synchronized void emit(ExperimentId experiment, EmitEvent event) {
    events.computeIfAbsent(experiment, id -> new ArrayList<>()).add(event);
  }

  /** The reasons of every event of {@code experiment}, in order. */
  public synchronized List<String> reasons(ExperimentId experiment) {
    return events.getOrDefault(experiment, List.of()).stream().map(EmitEvent::reason).toList();
  }
}
