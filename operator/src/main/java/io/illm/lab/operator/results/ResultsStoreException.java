package io.illm.lab.operator.results;

/**
 * A results store could not do what was asked. {@link #retryable()} says whether trying again may
 * help (the server did not answer, answered 5xx or asked to slow down) or not (no such bucket,
 * access denied): then the message says what to fix.
 */
public class ResultsStoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final boolean retryable;

  public ResultsStoreException(String message, boolean retryable, Throwable cause) {
    super(message, cause);
    this.retryable = retryable;
  }

  /** True when the same call may succeed later. */
  public boolean retryable() {
    return retryable;
  }
}
