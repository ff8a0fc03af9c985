package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which direction of a metric is better when targets are compared on it. */
public enum Better {
  /** Smaller values are better (latency, memory, cost). */
  @JsonProperty("lower")
  LOWER("lower"),
  /** Larger values are better (throughput, hit rate). */
  @JsonProperty("higher")
  HIGHER("higher");

  private final String value;

  Better(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static Better fromValue(String value) {
    for (Better v : values()) {
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
