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
@JsonPropertyOrder({"target", "secret"})
@EqualsAndHashCode
@ToString
public class KubeconfigSecret {

  /** The key of the Secret that holds the kubeconfig. */
  public static final String KEY = "kubeconfig";

  @Required
  @JsonPropertyDescription("The target whose cluster the kubeconfig opens.")
  private String target;

  @Required
  @JsonPropertyDescription("The Secret's name, in the experiment's namespace.")
  private String secret;

  public KubeconfigSecret() {}

  public KubeconfigSecret(String target, String secret) {
    this.target = target;
    this.secret = secret;
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
}
