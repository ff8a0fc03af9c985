package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an empty query result means. */
public enum EmptyResult {
  /** The experiment fails. */
  @JsonProperty("fail")
  FAIL("fail"),
  /** The metric counts as missing: criteria on it are insufficient. */
  @JsonProperty("insufficient")
  INSUFFICIENT("insufficient"),
  /** The metric counts as 0. */
  @JsonProperty("zero")
  ZERO("zero");

  private final String value;

  EmptyResult(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static EmptyResult fromValue(String value) {
    for (EmptyResult v : values()) {
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
