package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/**
 * What a learner is given once the clusters are ready: each target cluster's kubeconfig in a Secret
 * and the services to open, listed in the status.
 */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "What a learner is given once the clusters are ready: each target cluster's kubeconfig in a Secret and the services to open, listed in the status.")
@JsonPropertyOrder({"exposeKubeconfig", "services"})
@ValidationRule(
    value =
        "!has(self.services) || self.services.all(s, self.services.exists_one(u, u.name == s.name))",
    message = "tutorial service names must be unique")
@EqualsAndHashCode
@ToString
public class Tutorial {

  @JsonPropertyDescription(
      "Write each cloud target's kubeconfig into a Secret in the experiment's namespace. Default: false.")
  private Boolean exposeKubeconfig;

  @Size(max = 16)
  @JsonPropertyDescription(
      "The services the learner opens, listed with their endpoints in the status.")
  private List<TutorialService> services;

  public Tutorial() {}

  public Tutorial(Boolean exposeKubeconfig, List<TutorialService> services) {
    this.exposeKubeconfig = exposeKubeconfig;
    this.services = services;
  }

  public Boolean getExposeKubeconfig() {
    return exposeKubeconfig;
  }

  public void setExposeKubeconfig(Boolean exposeKubeconfig) {
    this.exposeKubeconfig = exposeKubeconfig;
  }

  public List<TutorialService> getServices() {
    return services;
  }

  public void setServices(List<TutorialService> services) {
    this.services = services;
  }

  /** True when the kubeconfigs are to be written. */
  public boolean exposesKubeconfig() {
    return Boolean.TRUE.equals(exposeKubeconfig);
  }
}
