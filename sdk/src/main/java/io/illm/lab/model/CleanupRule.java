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

/** What happens to clusters and deployments when the experiment ends one way. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("What happens to clusters and deployments when the experiment ends one way.")
@JsonPropertyOrder({"action"})
@ValidationRule(
    value = "self.action == 'retain' || !has(self.retainFor)",
    message = "retainFor applies to action retain only")
@EqualsAndHashCode
@ToString
public class CleanupRule {

  @Required
  @JsonPropertyDescription("delete (at once) or retain (for retainFor, then delete).")
  private CleanupAction action;

  @Pattern("^([0-9]+h([0-9]+m)?([0-9]+s)?|[0-9]+m([0-9]+s)?|[0-9]+s)$")
  @JsonPropertyDescription(
      "How long to keep them with action retain, e.g. 2h. Default: 1h. At most 168h.")
  private String retainFor;

  public CleanupRule() {}

  public CleanupRule(CleanupAction action, String retainFor) {
    this.action = action;
    this.retainFor = retainFor;
  }

  public CleanupAction getAction() {
    return action;
  }

  public void setAction(CleanupAction action) {
    this.action = action;
  }

  public String getRetainFor() {
    return retainFor;
  }

  public void setRetainFor(String retainFor) {
    this.retainFor = retainFor;
  }
}
