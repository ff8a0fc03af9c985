package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.sundr.builder.annotations.Buildable;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The Secret holding one target's kubeconfig for a tutorial's learner (key kubeconfig). */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "The Secret holding one target's kubeconfig for a tutorial's learner (key kubeconfig).")
@JsonPropertyOrder({"target", "secret", "namespace"})
@EqualsAndHashCode
@ToString
public class KubeconfigSecret {

  /** The key of the Secret that holds the kubeconfig. */
  public static final String KEY = "kubeconfig";

  @Required
  @JsonPropertyDescription("The target whose cluster the kubeconfig opens.")
  private String target;

  @Required
  @JsonPropertyDescription("The Secret's name.")
  private String secret;

  @JsonPropertyDescription(
      "The Secret's namespace: the cluster claims' (beside the connection Secret it is copied"
          + " from), not the experiment's.")
  private String namespace;

  public KubeconfigSecret() {}

  public KubeconfigSecret(String target, String secret, String namespace) {
    this.target = target;
    this.secret = secret;
    this.namespace = namespace;
  }

  public String getTarget() {
    return target;
  }

  public void setTarget(String target) {
    this.target = target;
  }

  public String getSecret() {
    return secret;
  }

  public void setSecret(String secret) {
    this.secret = secret;
  }

  public String getNamespace() {
    return namespace;
  }

  public void setNamespace(String namespace) {
    this.namespace = namespace;
  }
}
