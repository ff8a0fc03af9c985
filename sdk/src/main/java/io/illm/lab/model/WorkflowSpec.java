package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.sundr.builder.annotations.Buildable;
import java.util.Map;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The Argo workflow run against the targets once they are ready. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("The Argo workflow run against the targets once they are ready.")
@JsonPropertyOrder({"template", "completion"})
@EqualsAndHashCode
@ToString
public class WorkflowSpec {

  @Required
  @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
  @Size(min = 1, max = 253)
  @JsonPropertyDescription("Name of the Argo WorkflowTemplate to run.")
  private String template;

  @Required
  @JsonPropertyDescription("What ends the Running phase.")
  private Completion completion;

  @JsonPropertyDescription(
      "Workflow parameters, name to value; the operator adds experiment-name and <target>-endpoint.")
  private Map<String, String> params;

  public WorkflowSpec() {}

  public WorkflowSpec(String template, Completion completion, Map<String, String> params) {
    this.template = template;
    this.completion = completion;
    this.params = params;
  }

  public String getTemplate() {
    return template;
  }

  public void setTemplate(String template) {
    this.template = template;
  }

  public Completion getCompletion() {
    return completion;
  }

  public void setCompletion(Completion completion) {
    this.completion = completion;
  }

  public Map<String, String> getParams() {
    return params;
  }

  public void setParams(Map<String, String> params) {
    this.params = params;
  }
}
