package io.illm.lab.operator.ports;

/**
 * A port could not answer or could not act, for a reason that may pass (the API did not answer, a
 * conflict, a timeout). The engine records it as an observation error: the observation is then
 * incomplete, nothing is concluded from absence, and it looks again with a backoff. Permanent
 * failures of a child (a cluster that cannot be created) are not exceptions: they are observed as
 * the child's state.
 */
public class PortException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public PortException(String message) {
    super(message);
  }

  public PortException(String message, Throwable cause) {
    super(message, cause);
  }
}
