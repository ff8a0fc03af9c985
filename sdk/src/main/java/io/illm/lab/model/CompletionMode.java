package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** What ends the Running phase. */
public enum CompletionMode {
  /** The workflow reaching a terminal phase. */
  @JsonProperty("workflow")
  WORKFLOW("workflow"),
  /** A signal from the user (the complete annotation), or the running deadline. */
  @JsonProperty("manual")
  MANUAL("manual");

  private final String value;

  CompletionMode(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static CompletionMode fromValue(String value) {
    for (CompletionMode v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return value;
  }
}
