package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.sundr.builder.annotations.Buildable;
import java.util.Map;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** How the component exposes metrics. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("How the component exposes metrics.")
@JsonPropertyOrder({"serviceMonitor", "podMonitor"})
@EqualsAndHashCode
@ToString
public class ComponentObservability {

  @JsonPropertyDescription("The component ships a ServiceMonitor. Default: false.")
  private Boolean serviceMonitor;

  @JsonPropertyDescription("The component ships a PodMonitor. Default: false.")
  private Boolean podMonitor;

  @JsonPropertyDescription("Labels that select the component's pods.")
  private Map<String, String> podLabels;

  @Pattern("^/.*$")
  @JsonPropertyDescription("HTTP path of the metrics endpoint. Default: /metrics.")
  private String metricsPath;

  @Min(1)
  @Max(65535)
  @JsonPropertyDescription("Port of the metrics endpoint.")
  private Integer metricsPort;

  public ComponentObservability() {}

  public ComponentObservability(
      Boolean serviceMonitor,
      Boolean podMonitor,
      Map<String, String> podLabels,
      String metricsPath,
      Integer metricsPort) {
    this.serviceMonitor = serviceMonitor;
    this.podMonitor = podMonitor;
    this.podLabels = podLabels;
    this.metricsPath = metricsPath;
    this.metricsPort = metricsPort;
  }

  public Boolean getServiceMonitor() {
    return serviceMonitor;
  }

  public void setServiceMonitor(Boolean serviceMonitor) {
    this.serviceMonitor = serviceMonitor;
  }

  public Boolean getPodMonitor() {
    return podMonitor;
  }

  public void setPodMonitor(Boolean podMonitor) {
    this.podMonitor = podMonitor;
  }

  public Map<String, String> getPodLabels() {
    return podLabels;
  }

  public void setPodLabels(Map<String, String> podLabels) {
    this.podLabels = podLabels;
  }

  public String getMetricsPath() {
    return metricsPath;
  }

  public void setMetricsPath(String metricsPath) {
    this.metricsPath = metricsPath;
  }

  public Integer getMetricsPort() {
    return metricsPort;
  }

  public void setMetricsPort(Integer metricsPort) {
    this.metricsPort = metricsPort;
  }
}
