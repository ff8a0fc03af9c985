package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle phase of an experiment. */
public enum Phase {
  /** Accepted, nothing created yet. */
  @JsonProperty("Pending")
  PENDING("Pending"),
  /** Clusters are being created. */
  @JsonProperty("Provisioning")
  PROVISIONING("Provisioning"),
  /** Clusters are ready; components are being deployed. */
  @JsonProperty("Ready")
  READY("Ready"),
  /** The workflow is running. */
  @JsonProperty("Running")
  RUNNING("Running"),
  /** The experiment ended and its results were stored. */
  @JsonProperty("Complete")
  COMPLETE("Complete"),
  /** The experiment failed; see conditions for why. */
  @JsonProperty("Failed")
  FAILED("Failed");

  private final String value;

  Phase(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static Phase fromValue(String value) {
    for (Phase v : values()) {
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
