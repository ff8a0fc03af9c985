package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The verdict on a hypothesis. */
public enum HypothesisResult {
  /** Every success criterion held. */
  @JsonProperty("validated")
  VALIDATED("validated"),
  /** At least one success criterion did not hold. */
  @JsonProperty("invalidated")
  INVALIDATED("invalidated"),
  /** Too little data to decide. */
  @JsonProperty("insufficient")
  INSUFFICIENT("insufficient");

  private final String value;

  HypothesisResult(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static HypothesisResult fromValue(String value) {
    for (HypothesisResult v : values()) {
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
