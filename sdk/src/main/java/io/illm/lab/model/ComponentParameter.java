package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A parameter the component documents and checks. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("A parameter the component documents and checks.")
@JsonPropertyOrder({"name", "type", "default"})
@EqualsAndHashCode
@ToString
public class ComponentParameter {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The parameter's name (for Helm sources, the value path).")
  private String name;

  @JsonPropertyDescription("string, int or bool. Default: string.")
  private ParameterType type;

  @JsonProperty("default")
  // An empty default is a default (the parameter is empty unless set), not an absent one.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription("The default value, as a string.")
  private String defaultValue;

  @JsonPropertyDescription("Experiments must set it. Default: false.")
  private Boolean required;

  @JsonPropertyDescription("What it does.")
  private String description;

  public ComponentParameter() {}

  public ComponentParameter(
      String name, ParameterType type, String defaultValue, Boolean required, String description) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.required = required;
    this.description = description;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public ParameterType getType() {
    return type;
  }

  public void setType(ParameterType type) {
    this.type = type;
  }

  public String getDefaultValue() {
    return defaultValue;
  }

  public void setDefaultValue(String defaultValue) {
    this.defaultValue = defaultValue;
  }

  public Boolean getRequired() {
    return required;
  }

  public void setRequired(Boolean required) {
    this.required = required;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
