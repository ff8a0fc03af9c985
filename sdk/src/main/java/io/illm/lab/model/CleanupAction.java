package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** What happens to an experiment's clusters and deployments at its end. */
public enum CleanupAction {
  /** Delete them at once. */
  @JsonProperty("delete")
  DELETE("delete"),
  /** Keep them for retainFor, then delete them. */
  @JsonProperty("retain")
  RETAIN("retain");

  private final String value;

  CleanupAction(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static CleanupAction fromValue(String value) {
    for (CleanupAction v : values()) {
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
