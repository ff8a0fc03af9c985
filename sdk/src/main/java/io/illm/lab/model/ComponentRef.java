package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import java.util.Map;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A component deployed on a target, referenced by name and kind; exactly one of app, workflow and
 * config is set.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A component deployed on a target, referenced by name and kind; exactly one of app, workflow and config is set.")
@JsonPropertyOrder({"app", "workflow", "config"})
@ValidationRule(
    value = "[has(self.app), has(self.workflow), has(self.config)].filter(x, x).size() == 1",
    message = "set exactly one of app, workflow and config")
@EqualsAndHashCode
@ToString
public class ComponentRef {

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Component of type app.")
  private String app;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Component of type workflow.")
  private String workflow;

  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @JsonPropertyDescription("Name of a Component of type config.")
  private String config;

  @JsonPropertyDescription(
      "Helm parameters, name to value, overriding the component's defaults; applied in sorted order. Only for components with a Helm source.")
  private Map<String, String> params;

  public ComponentRef() {}

  public ComponentRef(String app, String workflow, String config, Map<String, String> params) {
    this.app = app;
    this.workflow = workflow;
    this.config = config;
    this.params = params;
  }

  public String getApp() {
    return app;
  }

  public void setApp(String app) {
    this.app = app;
  }

  public String getWorkflow() {
    return workflow;
  }

  public void setWorkflow(String workflow) {
    this.workflow = workflow;
  }

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  public Map<String, String> getParams() {
    return params;
  }

  public void setParams(Map<String, String> params) {
    this.params = params;
  }
}
