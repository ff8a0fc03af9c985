package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a component is referenced from an experiment target. */
public enum ComponentType {
  /** Referenced with components[].app. */
  @JsonProperty("app")
  APP("app"),
  /** Referenced with components[].workflow. */
  @JsonProperty("workflow")
  WORKFLOW("workflow"),
  /** Referenced with components[].config. */
  @JsonProperty("config")
  CONFIG("config");

  private final String value;

  ComponentType(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static ComponentType fromValue(String value) {
    for (ComponentType v : values()) {
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
