package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a measured value is compared with a threshold. */
public enum ComparisonOperator {
  /** Less than. */
  @JsonProperty("lt")
  LT("lt"),
  /** Less than or equal. */
  @JsonProperty("lte")
  LTE("lte"),
  /** Greater than. */
  @JsonProperty("gt")
  GT("gt"),
  /** Greater than or equal. */
  @JsonProperty("gte")
  GTE("gte");

  private final String value;

  ComparisonOperator(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static ComparisonOperator fromValue(String value) {
    for (ComparisonOperator v : values()) {
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
