package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * How long each phase may take; a missed deadline fails the experiment (and cleanup still runs).
 * Durations like 30m, 1h30m, 90s.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "How long each phase may take; a missed deadline fails the experiment (and cleanup still runs). Durations like 30m, 1h30m, 90s.")
@JsonPropertyOrder({"provisioning", "deploying", "running", "collecting", "total"})
@EqualsAndHashCode
@ToString
public class Deadlines {

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("Pending to every cluster ready. Default: 30m.")
  private String provisioning;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("Clusters ready to every component healthy. Default: 20m.")
  private String deploying;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("The workflow (or the manual run) from start to end. Default: 2h.")
  private String running;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("Metrics collection and results storage. Default: 15m.")
  private String collecting;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription("Creation to Complete or Failed, whatever the phases took. Default: 6h.")
  private String total;

  public Deadlines() {}

  public Deadlines(
      String provisioning, String deploying, String running, String collecting, String total) {
    this.provisioning = provisioning;
    this.deploying = deploying;
    this.running = running;
    this.collecting = collecting;
    this.total = total;
  }

  public String getProvisioning() {
    return provisioning;
  }

  public void setProvisioning(String provisioning) {
    this.provisioning = provisioning;
  }

  public String getDeploying() {
    return deploying;
  }

  public void setDeploying(String deploying) {
    this.deploying = deploying;
  }

  public String getRunning() {
    return running;
  }

  public void setRunning(String running) {
    this.running = running;
  }

  public String getCollecting() {
    return collecting;
  }

  public void setCollecting(String collecting) {
    this.collecting = collecting;
  }

  public String getTotal() {
    return total;
  }

  public void setTotal(String total) {
    this.total = total;
  }
}
