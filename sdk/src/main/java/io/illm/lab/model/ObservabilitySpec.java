package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Metrics backhaul from a target to the hub. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("Metrics backhaul from a target to the hub.")
@JsonPropertyOrder({"enabled"})
@EqualsAndHashCode
@ToString
public class ObservabilitySpec {

  @Required
  @JsonPropertyDescription(
      "Deploy the metrics agent on the target and label its series with the experiment name.")
  private boolean enabled;

  @JsonPropertyDescription("How metrics reach the hub: direct or tailscale. Default: direct.")
  private Transport transport;

  public ObservabilitySpec() {}

  public ObservabilitySpec(boolean enabled, Transport transport) {
    this.enabled = enabled;
    this.transport = transport;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public Transport getTransport() {
    return transport;
  }

  public void setTransport(Transport transport) {
    this.transport = transport;
  }
}
