package io.illm.lab.model;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.sundr.builder.annotations.Buildable;
import java.util.List;
import lombok.EqualsAndHashCode;
import lombok.ToString;

/** What to run: targets, the workflow, the metrics and the hypothesis they judge. */
@Buildable(
    editableEnabled = false,
    validationEnabled = false,
    generateBuilderPackage = false,
    lazyCollectionInitEnabled = false,
    builderPackage = "io.fabric8.kubernetes.api.builder")
@JsonClassDescription(
    "What to run: targets, the workflow, the metrics and the hypothesis they judge.")
@JsonPropertyOrder({
  "title",
  "description",
  "tags",
  "publish",
  "hypothesis",
  "targets",
  "workflow",
  "metrics"
})
@ValidationRule(
    value = "self.targets.all(t, self.targets.exists_one(u, u.name == t.name))",
    message = "target names must be unique")
@ValidationRule(
    value =
        "self.targets.all(t, !has(t.depends) || t.depends.all(d, d != t.name && self.targets.exists(u, u.name == d)))",
    message = "depends must name another target of this experiment")
@ValidationRule(
    value =
        "!has(self.hypothesis) || !has(self.hypothesis.successCriteria) || self.hypothesis.successCriteria.all(c, has(self.metrics) && has(self.metrics.queries) && self.metrics.queries.exists(q, q.name == c.metric))",
    message = "successCriteria[].metric must name a metric in metrics.queries")
@ValidationRule(
    value =
        "!has(self.hypothesis) || !has(self.hypothesis.successCriteria) || self.hypothesis.successCriteria.all(c, !has(c.than) || self.targets.exists(t, t.name == c.than))",
    message = "successCriteria[].than must name a target of this experiment")
@ValidationRule(
    value =
        "!has(self.metrics) || !has(self.metrics.comparisons) || self.metrics.comparisons.all(c, self.targets.exists(t, t.name == c.baseline) && (!has(c.targets) || c.targets.all(n, self.targets.exists(t, t.name == n))))",
    message = "metrics.comparisons must name targets of this experiment")
@ValidationRule(
    value =
        "!has(self.hypothesis) || !has(self.hypothesis.successCriteria) || self.hypothesis.successCriteria.all(c, !has(c.target) || self.targets.exists(t, t.name == c.target))",
    message = "successCriteria[].target must name a target of this experiment")
@ValidationRule(
    value =
        "!has(self.tutorial) || !has(self.tutorial.services) || self.tutorial.services.all(s, self.targets.exists(t, t.name == s.target))",
    message = "tutorial.services[].target must name a target of this experiment")
@EqualsAndHashCode
@ToString
public class ExperimentSpec {

  @Size(max = 200)
  @JsonPropertyDescription("Human-readable title, shown in results.")
  private String title;

  @JsonPropertyDescription("What the experiment does.")
  private String description;

  @JsonPropertyDescription("Tags for grouping results, e.g. comparison, observability.")
  private List<String> tags;

  @JsonPropertyDescription("Publish the results to the results site. Default: false.")
  private Boolean publish;

  @JsonPropertyDescription("The claim under test and its success criteria.")
  private Hypothesis hypothesis;

  @Required
  @Size(min = 1, max = 16)
  @JsonPropertyDescription("The clusters and what runs on them; at least one.")
  private List<Target> targets;

  @Required
  @JsonPropertyDescription("The workflow run once every target is ready.")
  private WorkflowSpec workflow;

  @JsonPropertyDescription("The metrics collected at the end. Default: CPU and memory queries.")
  private MetricsSpec metrics;

  @JsonPropertyDescription("Re-collect when too few metrics have data.")
  private QualityGate qualityGate;

  @JsonPropertyDescription("Per-phase and overall deadlines.")
  private Deadlines deadlines;

  @JsonPropertyDescription(
      "What happens to clusters when the experiment ends. Default: delete at once.")
  private CleanupPolicy cleanup;

  @JsonPropertyDescription("Optional spending limit.")
  private Budget budget;

  @JsonPropertyDescription(
      "A hands-on tutorial: kubeconfigs for the learner and the services to open, once ready.")
  private Tutorial tutorial;

  public ExperimentSpec() {}

  public ExperimentSpec(
      String title,
      String description,
      List<String> tags,
      Boolean publish,
      Hypothesis hypothesis,
      List<Target> targets,
      WorkflowSpec workflow,
      MetricsSpec metrics,
      QualityGate qualityGate,
      Deadlines deadlines,
      CleanupPolicy cleanup,
      Budget budget,
      Tutorial tutorial) {
    this.title = title;
    this.description = description;
    this.tags = tags;
    this.publish = publish;
    this.hypothesis = hypothesis;
    this.targets = targets;
    this.workflow = workflow;
    this.metrics = metrics;
    this.qualityGate = qualityGate;
    this.deadlines = deadlines;
    this.cleanup = cleanup;
    this.budget = budget;
    this.tutorial = tutorial;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public List<String> getTags() {
    return tags;
  }

  public void setTags(List<String> tags) {
    this.tags = tags;
  }

  public Boolean getPublish() {
    return publish;
  }

  public void setPublish(Boolean publish) {
    this.publish = publish;
  }

  public Hypothesis getHypothesis() {
    return hypothesis;
  }

  public void setHypothesis(Hypothesis hypothesis) {
    this.hypothesis = hypothesis;
  }

  public List<Target> getTargets() {
    return targets;
  }

  public void setTargets(List<Target> targets) {
    this.targets = targets;
  }

  public WorkflowSpec getWorkflow() {
    return workflow;
  }

  public void setWorkflow(WorkflowSpec workflow) {
    this.workflow = workflow;
  }

  public MetricsSpec getMetrics() {
    return metrics;
  }

  public void setMetrics(MetricsSpec metrics) {
    this.metrics = metrics;
  }

  public QualityGate getQualityGate() {
    return qualityGate;
  }

  public void setQualityGate(QualityGate qualityGate) {
    this.qualityGate = qualityGate;
  }

  public Deadlines getDeadlines() {
    return deadlines;
  }

  public void setDeadlines(Deadlines deadlines) {
    this.deadlines = deadlines;
  }

  public CleanupPolicy getCleanup() {
    return cleanup;
  }

  public void setCleanup(CleanupPolicy cleanup) {
    this.cleanup = cleanup;
  }

  public Budget getBudget() {
    return budget;
  }

  public void setBudget(Budget budget) {
    this.budget = budget;
  }

  public Tutorial getTutorial() {
    return tutorial;
  }

  public void setTutorial(Tutorial tutorial) {
    this.tutorial = tutorial;
  }
}
