package io.illm.lab.hub.sim;

import io.illm.lab.operator.ports.PortException;

/**
 * The transient-error switches of one simulated port: the next {@code n} calls fail (observing or
 * changing), or the next {@code n} changes fail while observing still works.
 */
final class SimFaults {

  private final String port;
  private int calls;
  private int changes;

  SimFaults(String port) {
    this.port = port;
  }

  synchronized void failNext(int n) {
    calls = n;
  }

  synchronized void failNextChanges(int n) {
    changes = n;
  }

  /** Throws while failing calls remain; first thing in every observing method. */
  synchronized void check() {
    if (calls > 0) {
      calls--;
      throw new PortException(port + ": simulated transient error (" + calls + " more to come)");
    }
  }

  /** Throws while failing calls or changes remain; first thing in every changing method. */
  synchronized void checkChange() {
    check();
    if (changes > 0) {
      changes--;
      throw new PortException(
          port + ": simulated transient error on a change (" + changes + " more to come)");
    }
  }
}
