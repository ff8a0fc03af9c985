package io.illm.lab.operator.josdk;

import io.illm.lab.model.Experiment;
import io.illm.lab.operator.ports.ExperimentId;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;
import java.util.Set;

/**
 * Turns the ports' change announcements ({@code Ports.changes()}) into reconciles of the experiment
 * concerned, so that a child's change is acted on at once, not at the next backstop. It carries no
 * resources: the engine reads children through its ports, never from a cache.
 */
final class ChildChangeEventSource extends AbstractEventSource<Void, Experiment> {

  ChildChangeEventSource() {
    super(Void.class, "children");
  }

  void changed(ExperimentId id) {
    if (isRunning() && getEventHandler() != null) {
      getEventHandler().handleEvent(new Event(new ResourceID(id.name(), id.namespace())));
    }
  }

  @Override
  public Set<Void> getSecondaryResources(Experiment primary) {
    return Set.of();
  }
}
