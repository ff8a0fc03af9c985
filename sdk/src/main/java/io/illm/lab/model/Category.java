package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** The category a component belongs to; it is also its folder under components/. */
public enum Category {
  /** Applications under test and load generators. */
  @JsonProperty("apps")
  APPS("apps"),
  /** Fault injection. */
  @JsonProperty("chaos")
  CHAOS("chaos"),
  /** Ingress, gateways and cluster plumbing. */
  @JsonProperty("core")
  CORE("core"),
  /** Brokers and streams. */
  @JsonProperty("messaging")
  MESSAGING("messaging"),
  /** Metrics, logs, traces and their agents. */
  @JsonProperty("observability")
  OBSERVABILITY("observability"),
  /** Object, block and database storage. */
  @JsonProperty("storage")
  STORAGE("storage"),
  /** Load and conformance test tools. */
  @JsonProperty("testing")
  TESTING("testing"),
  /** Workflow engines and templates. */
  @JsonProperty("workflows")
  WORKFLOWS("workflows");

  private final String value;

  Category(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static Category fromValue(String value) {
    for (Category v : values()) {
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
