package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * A reusable, deployable piece of an experiment: where its manifests come from and what it takes.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "A reusable, deployable piece of an experiment: where its manifests come from and what it takes.")
@JsonPropertyOrder({"description", "category", "type", "sources"})
@EqualsAndHashCode
@ToString
public class ComponentSpec {

  @JsonPropertyDescription("What the component is.")
  private String description;

  @Required
  @JsonPropertyDescription(
      "One of apps, chaos, core, messaging, observability, storage, testing, workflows; also its folder.")
  private Category category;

  @JsonPropertyDescription("How experiments reference it: app, workflow or config. Default: app.")
  private ComponentType type;

  @Required
  @Size(min = 1, max = 8)
  @JsonPropertyDescription("Where its manifests come from; at least one.")
  private List<ComponentSource> sources;

  @Size(max = 128)
  @JsonPropertyDescription("Parameters it documents; required ones must be set by experiments.")
  private List<ComponentParameter> parameters;

  @JsonPropertyDescription("How it exposes metrics.")
  private ComponentObservability observability;

  public ComponentSpec() {}

  public ComponentSpec(
      String description,
      Category category,
      ComponentType type,
      List<ComponentSource> sources,
      List<ComponentParameter> parameters,
      ComponentObservability observability) {
    this.description = description;
    this.category = category;
    this.type = type;
    this.sources = sources;
    this.parameters = parameters;
    this.observability = observability;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Category getCategory() {
    return category;
  }

  public void setCategory(Category category) {
    this.category = category;
  }

  public ComponentType getType() {
    return type;
  }

  public void setType(ComponentType type) {
    this.type = type;
  }

  public List<ComponentSource> getSources() {
    return sources;
  }

  public void setSources(List<ComponentSource> sources) {
    this.sources = sources;
  }

  public List<ComponentParameter> getParameters() {
    return parameters;
  }

  public void setParameters(List<ComponentParameter> parameters) {
    this.parameters = parameters;
  }

  public ComponentObservability getObservability() {
    return observability;
  }

  public void setObservability(ComponentObservability observability) {
    this.observability = observability;
  }
}
