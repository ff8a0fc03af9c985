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

/** What the experiment sets out to show, and how it is judged. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("What the experiment sets out to show, and how it is judged.")
@JsonPropertyOrder({"claim"})
@EqualsAndHashCode
@ToString
public class Hypothesis {

  @Required
  @Size(min = 1)
  @JsonPropertyDescription("The claim, in one or two sentences.")
  private String claim;

  @JsonPropertyDescription("Questions the experiment should answer.")
  private List<String> questions;

  @JsonPropertyDescription("Areas to focus the analysis on.")
  private List<String> focus;

  @Size(max = 64)
  @JsonPropertyDescription(
      "Criteria that decide the verdict: validated when all hold, invalidated when one does not, insufficient when data is missing.")
  private List<SuccessCriterion> successCriteria;

  public Hypothesis() {}

  public Hypothesis(
      String claim,
      List<String> questions,
      List<String> focus,
      List<SuccessCriterion> successCriteria) {
    this.claim = claim;
    this.questions = questions;
    this.focus = focus;
    this.successCriteria = successCriteria;
  }

  public String getClaim() {
    return claim;
  }

  public void setClaim(String claim) {
    this.claim = claim;
  }

  public List<String> getQuestions() {
    return questions;
  }

  public void setQuestions(List<String> questions) {
    this.questions = questions;
  }

  public List<String> getFocus() {
    return focus;
  }

  public void setFocus(List<String> focus) {
    this.focus = focus;
  }

  public List<SuccessCriterion> getSuccessCriteria() {
    return successCriteria;
  }

  public void setSuccessCriteria(List<SuccessCriterion> successCriteria) {
    this.successCriteria = successCriteria;
  }
}
