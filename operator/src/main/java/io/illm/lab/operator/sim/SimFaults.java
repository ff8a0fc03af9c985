package io.illm.lab.operator.sim;

import io.illm.lab.operator.ports.PortException;

/** The transient-error switch of one simulated port: the next {@code n} calls fail. */
final class SimFaults {

  private final String port;
  private int remaining;

  SimFaults(String port) {
    this.port = port;
  }

  synchronized void failNext(int calls) {
    remaining = calls;
  }

  /** Throws while failures remain; call first in every port method. */
  synchronized void check() {
    if (remaining > 0) {
      remaining--;
      throw new PortException(port + ": simulated transient error (" + remaining + " more to come)");
    }
  }
}
