package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** What a tutorial's learner needs: the services to open and where each kubeconfig is. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "What a tutorial's learner needs: the services to open and where each kubeconfig is.")
@JsonPropertyOrder({"services", "kubeconfigSecrets"})
@EqualsAndHashCode
@ToString
public class TutorialStatus {

  @JsonPropertyDescription("One entry per spec.tutorial.services entry, in its order.")
  private List<TutorialServiceStatus> services;

  @JsonPropertyDescription(
      "One entry per cloud target: the Secret (name and namespace) holding its kubeconfig.")
  private List<KubeconfigSecret> kubeconfigSecrets;

  public TutorialStatus() {}

  public TutorialStatus(
      List<TutorialServiceStatus> services, List<KubeconfigSecret> kubeconfigSecrets) {
    this.services = services;
    this.kubeconfigSecrets = kubeconfigSecrets;
  }

  public List<TutorialServiceStatus> getServices() {
    return services;
  }

  public void setServices(List<TutorialServiceStatus> services) {
    this.services = services;
  }

  public List<KubeconfigSecret> getKubeconfigSecrets() {
    return kubeconfigSecrets;
  }

  public void setKubeconfigSecrets(List<KubeconfigSecret> kubeconfigSecrets) {
    this.kubeconfigSecrets = kubeconfigSecrets;
  }
}
