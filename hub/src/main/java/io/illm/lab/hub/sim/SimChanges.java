package io.illm.lab.hub.sim;

import io.illm.lab.operator.ports.Changes;
import io.illm.lab.operator.ports.ExperimentId;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** The simulators' announcements: a child of an experiment changes now, or will at a given time. */
public final class SimChanges implements Changes {

  private final SimClock clock;
  private volatile Consumer<ExperimentId> listener = id -> {};

  SimChanges(SimClock clock) {
    this.clock = clock;
  }

  @Override
  public void subscribe(Consumer<ExperimentId> value) {
    listener = value;
  }

  /** Announces a change of {@code id}'s children at {@code when} (at once if it has passed). */
  void at(Instant when, ExperimentId id) {
    clock.at(when, () -> listener.accept(id));
  }

  /** Announces a change of {@code id}'s children {@code after} from now. */
  void after(Duration after, ExperimentId id) {
    at(clock.instant().plus(after), id);
  }
}
