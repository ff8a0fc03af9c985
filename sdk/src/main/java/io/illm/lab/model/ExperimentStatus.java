package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.kubernetes.api.model.Condition;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** The observed state of an experiment, written by the operator. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription("The observed state of an experiment, written by the operator.")
@JsonPropertyOrder({"phase", "message"})
@EqualsAndHashCode
@ToString
public class ExperimentStatus {

  @JsonPropertyDescription("Pending, Provisioning, Ready, Running, Complete or Failed.")
  private Phase phase;

  @JsonPropertyDescription("Why the experiment is in its phase.")
  private String message;

  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;

  @JsonPropertyDescription(
      "Hash of the spec the run started with; a different hash means the spec was edited mid-run.")
  private String specHash;

  @JsonPropertyDescription("When the operator first acted on the experiment (RFC 3339).")
  private String startedAt;

  @JsonPropertyDescription(
      "When the current phase began (RFC 3339); its deadline counts from here.")
  private String phaseStartedAt;

  @JsonPropertyDescription("When it reached Complete or Failed (RFC 3339).")
  private String completedAt;

  @JsonPropertyDescription("One entry per spec target, matched by name.")
  private List<TargetStatus> targets;

  @JsonPropertyDescription("The workflow's state.")
  private WorkflowStatus workflowStatus;

  @JsonPropertyDescription("Standard conditions (Ready, Progressing, Degraded, ...) with reasons.")
  private List<Condition> conditions;

  @JsonPropertyDescription("Where the results are, e.g. s3://experiment-results/<name>/.")
  private String resultsURL;

  @JsonPropertyDescription("validated, invalidated or insufficient.")
  private HypothesisResult hypothesisResult;

  @JsonPropertyDescription("True once every cluster and deployment is confirmed deleted.")
  private Boolean resourcesCleaned;

  @JsonPropertyDescription("Estimated and actual cost.")
  private CostEstimate cost;

  @JsonPropertyDescription(
      "True when the run used simulated controllers or metrics: its numbers are not real results.")
  private Boolean simulated;

  @JsonPropertyDescription(
      "The step inside the phase, so an operator restart resumes it: Running has Workload, Collecting, Storing; Complete and Failed have Retaining, CleaningUp, Cleaned.")
  private String step;

  @JsonPropertyDescription(
      "When the current step began (RFC 3339); the collecting deadline and the retention count from here.")
  private String stepStartedAt;

  @JsonPropertyDescription(
      "When the run's workload ended (RFC 3339): the end of the measurement window the metrics are collected over, kept so that a restarted operator resumes the same collection.")
  private String runEndedAt;

  @JsonPropertyDescription(
      "For a tutorial: the services to open and the Secrets holding the kubeconfigs, once ready.")
  private TutorialStatus tutorial;

  public ExperimentStatus() {}

  public ExperimentStatus(
      Phase phase,
      String message,
      Long observedGeneration,
      String specHash,
      String startedAt,
      String phaseStartedAt,
      String completedAt,
      List<TargetStatus> targets,
      WorkflowStatus workflowStatus,
      List<Condition> conditions,
      String resultsURL,
      HypothesisResult hypothesisResult,
      Boolean resourcesCleaned,
      CostEstimate cost,
      Boolean simulated,
      String step,
      String stepStartedAt,
      String runEndedAt,
      TutorialStatus tutorial) {
    this.phase = phase;
    this.message = message;
    this.observedGeneration = observedGeneration;
    this.specHash = specHash;
    this.startedAt = startedAt;
    this.phaseStartedAt = phaseStartedAt;
    this.completedAt = completedAt;
    this.targets = targets;
    this.workflowStatus = workflowStatus;
    this.conditions = conditions;
    this.resultsURL = resultsURL;
    this.hypothesisResult = hypothesisResult;
    this.resourcesCleaned = resourcesCleaned;
    this.cost = cost;
    this.simulated = simulated;
    this.step = step;
    this.stepStartedAt = stepStartedAt;
    this.runEndedAt = runEndedAt;
    this.tutorial = tutorial;
  }

  public Phase getPhase() {
    return phase;
  }

  public void setPhase(Phase phase) {
    this.phase = phase;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getSpecHash() {
    return specHash;
  }

  public void setSpecHash(String specHash) {
    this.specHash = specHash;
  }

  public String getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(String startedAt) {
    this.startedAt = startedAt;
  }

  public String getPhaseStartedAt() {
    return phaseStartedAt;
  }

  public void setPhaseStartedAt(String phaseStartedAt) {
    this.phaseStartedAt = phaseStartedAt;
  }

  public String getCompletedAt() {
    return completedAt;
  }

  public void setCompletedAt(String completedAt) {
    this.completedAt = completedAt;
  }

  public List<TargetStatus> getTargets() {
    return targets;
  }

  public void setTargets(List<TargetStatus> targets) {
    this.targets = targets;
  }

  public WorkflowStatus getWorkflowStatus() {
    return workflowStatus;
  }

  public void setWorkflowStatus(WorkflowStatus workflowStatus) {
    this.workflowStatus = workflowStatus;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public String getResultsURL() {
    return resultsURL;
  }

  public void setResultsURL(String resultsURL) {
    this.resultsURL = resultsURL;
  }

  public HypothesisResult getHypothesisResult() {
    return hypothesisResult;
  }

  public void setHypothesisResult(HypothesisResult hypothesisResult) {
    this.hypothesisResult = hypothesisResult;
  }

  public Boolean getResourcesCleaned() {
    return resourcesCleaned;
  }

  public void setResourcesCleaned(Boolean resourcesCleaned) {
    this.resourcesCleaned = resourcesCleaned;
  }

  public CostEstimate getCost() {
    return cost;
  }

  public void setCost(CostEstimate cost) {
    this.cost = cost;
  }

  public Boolean getSimulated() {
    return simulated;
  }

  public void setSimulated(Boolean simulated) {
    this.simulated = simulated;
  }

  public String getStep() {
    return step;
  }

  public void setStep(String step) {
    this.step = step;
  }

  public String getStepStartedAt() {
    return stepStartedAt;
  }

  public void setStepStartedAt(String stepStartedAt) {
    this.stepStartedAt = stepStartedAt;
  }

  public String getRunEndedAt() {
    return runEndedAt;
  }

  public void setRunEndedAt(String runEndedAt) {
    this.runEndedAt = runEndedAt;
  }

  public TutorialStatus getTutorial() {
    return tutorial;
  }

  public void setTutorial(TutorialStatus tutorial) {
    this.tutorial = tutorial;
  }
}
