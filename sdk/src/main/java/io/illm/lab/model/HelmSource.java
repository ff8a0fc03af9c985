package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** Helm options of a source. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("Helm options of a source.")
@JsonPropertyOrder({"releaseName"})
@EqualsAndHashCode
@ToString
public class HelmSource {

  @JsonPropertyDescription("The Helm release name. Default: the Application's name.")
  private String releaseName;

  @JsonPropertyDescription(
      "Values files, relative to the source, or $values/<path> into the source with ref values.")
  private List<String> valuesFiles;

  @JsonPropertyDescription("Default Helm parameters; experiments override them by name.")
  private List<HelmParameter> parameters;

  public HelmSource() {}

  public HelmSource(String releaseName, List<String> valuesFiles, List<HelmParameter> parameters) {
    this.releaseName = releaseName;
    this.valuesFiles = valuesFiles;
    this.parameters = parameters;
  }

  public String getReleaseName() {
    return releaseName;
  }

  public void setReleaseName(String releaseName) {
    this.releaseName = releaseName;
  }

  public List<String> getValuesFiles() {
    return valuesFiles;
  }

  public void setValuesFiles(List<String> valuesFiles) {
    this.valuesFiles = valuesFiles;
  }

  public List<HelmParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<HelmParameter> parameters) {
    this.parameters = parameters;
  }
}
