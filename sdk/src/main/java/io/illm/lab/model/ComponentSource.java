package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * Where a component's manifests come from: a Git path, a Helm chart repository, or a Git repository
 * referenced for values files.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "Where a component's manifests come from: a Git path, a Helm chart repository, or a Git repository referenced for values files.")
@JsonPropertyOrder({"repoURL", "targetRevision", "path", "chart", "ref"})
@ValidationRule(
    value = "!(has(self.chart) && has(self.path))",
    message = "a source is a Helm chart (chart) or a Git path (path), not both")
@EqualsAndHashCode
@ToString
public class ComponentSource {

  @Required
  @Pattern("^(https?|oci|ssh|git)://[^\\s]+$|^git@[^\\s]+$")
  @JsonPropertyDescription("Git or Helm repository URL.")
  private String repoURL;

  @JsonPropertyDescription("Branch, tag, commit or chart version. Default: HEAD.")
  private String targetRevision;

  @JsonPropertyDescription("Path in the Git repository.")
  private String path;

  @JsonPropertyDescription("Chart name in the Helm repository.")
  private String chart;

  @Pattern("^[a-z][a-z0-9]*$")
  @JsonPropertyDescription(
      "Name under which other sources refer to this one in valuesFiles ($<ref>/...).")
  private String ref;

  @JsonPropertyDescription("Helm options.")
  private HelmSource helm;

  public ComponentSource() {}

  public ComponentSource(
      String repoURL,
      String targetRevision,
      String path,
      String chart,
      String ref,
      HelmSource helm) {
    this.repoURL = repoURL;
    this.targetRevision = targetRevision;
    this.path = path;
    this.chart = chart;
    this.ref = ref;
    this.helm = helm;
  }

  public String getRepoURL() {
    return repoURL;
  }

  public void setRepoURL(String repoURL) {
    this.repoURL = repoURL;
  }

  public String getTargetRevision() {
    return targetRevision;
  }

  public void setTargetRevision(String targetRevision) {
    this.targetRevision = targetRevision;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getChart() {
    return chart;
  }

  public void setChart(String chart) {
    this.chart = chart;
  }

  public String getRef() {
    return ref;
  }

  public void setRef(String ref) {
    this.ref = ref;
  }

  public HelmSource getHelm() {
    return helm;
  }

  public void setHelm(HelmSource helm) {
    this.helm = helm;
  }
}
