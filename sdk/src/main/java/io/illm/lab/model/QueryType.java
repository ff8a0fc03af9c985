package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of PromQL query. */
public enum QueryType {
  /** One value per series at the end of the measurement window. */
  @JsonProperty("instant")
  INSTANT("instant"),
  /** A series of values over the measurement window. */
  @JsonProperty("range")
  RANGE("range");

  private final String value;

  QueryType(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static QueryType fromValue(String value) {
    for (QueryType v : values()) {
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
