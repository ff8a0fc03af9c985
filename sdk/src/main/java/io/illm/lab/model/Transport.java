package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a target's metrics reach the hub. */
public enum Transport {
  /** The hub reads the target's Prometheus through the Kubernetes API. */
  @JsonProperty("direct")
  DIRECT("direct"),
  /** The target remote-writes to the hub over a Tailscale egress. */
  @JsonProperty("tailscale")
  TAILSCALE("tailscale");

  private final String value;

  Transport(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static Transport fromValue(String value) {
    for (Transport v : values()) {
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
