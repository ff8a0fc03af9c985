package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a target's cluster comes from. */
public enum Provider {
  /** Google Kubernetes Engine, created through Crossplane. */
  @JsonProperty("gke")
  GKE("gke"),
  /** Amazon Elastic Kubernetes Service, created through Crossplane. */
  @JsonProperty("eks")
  EKS("eks"),
  /** Azure Kubernetes Service, created through Crossplane. */
  @JsonProperty("aks")
  AKS("aks"),
  /** The hub cluster itself; nothing is created. */
  @JsonProperty("hub")
  HUB("hub");

  private final String value;

  Provider(String value) {
    this.value = value;
  }

  /** The value as written in YAML. */
  @JsonValue
  public String value() {
    return value;
  }

  /** The constant for a YAML value, or null when there is none. */
  public static Provider fromValue(String value) {
    for (Provider v : values()) {
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
