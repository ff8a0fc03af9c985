package io.illm.lab.hub.local;

/** The local hub could not do what was asked; {@link #hint} says what to do. */
public final class HubException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String hint;

  public HubException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  public String hint() {
    return hint;
  }
}
