package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** A Helm value set on the command line. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("A Helm value set on the command line.")
@JsonPropertyOrder({"name", "value"})
@EqualsAndHashCode
@ToString
public class HelmParameter {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The value's path, e.g. grafana.enabled.")
  private String name;

  @Required
  // An empty value is a value (e.g. a config content cleared on purpose), not an absent one.
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyDescription("The value, as a string (may be empty).")
  private String value;

  @JsonPropertyDescription(
      "Pass the value as a string even when it looks like a number or boolean. Default: false.")
  private Boolean forceString;

  public HelmParameter() {}

  public HelmParameter(String name, String value, Boolean forceString) {
    this.name = name;
    this.value = value;
    this.forceString = forceString;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getValue() {
    return value;
  }

  public void setValue(String value) {
    this.value = value;
  }

  public Boolean getForceString() {
    return forceString;
  }

  public void setForceString(Boolean forceString) {
    this.forceString = forceString;
  }
}
