package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The type of a component parameter's value (values are always written as strings). */
public enum ParameterType {
  /** Any string. */
  @JsonProperty("string")
  STRING("string"),
  /** A decimal integer. */
  @JsonProperty("int")
  INT("int"),
  /** true or false. */
  @JsonProperty("bool")
  BOOL("bool");

  private final String value;

  ParameterType(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static ParameterType fromValue(String value) {
    for (ParameterType v : values()) {
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
