package io.illm.lab.dsl;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Budget;
import io.illm.lab.model.CleanupPolicy;
import io.illm.lab.model.Completion;
import io.illm.lab.model.CompletionMode;
import io.illm.lab.model.Deadlines;
import io.illm.lab.model.EmptyResult;
import io.illm.lab.model.Experiment;
import io.illm.lab.model.ExperimentSpec;
import io.illm.lab.model.MetricQuery;
import io.illm.lab.model.MetricsSpec;
import io.illm.lab.model.Target;
import io.illm.lab.model.TargetComparison;
import io.illm.lab.model.WorkflowSpec;
import io.illm.lab.rules.Findings;
import io.illm.lab.rules.KnownTemplates;
import io.illm.lab.validate.ComponentCatalogue;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.validate.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An experiment being written; made with {@link Lab#experiment}, finished with {@link #build()}.
 */
public final class ExperimentDef {

  private final String name;
  private String namespace;
  private final Map<String, String> labels = new TreeMap<>();
  private final Map<String, String> annotations = new TreeMap<>();
  private String title;
  private String description;
  private final List<String> tags = new ArrayList<>();
  private Boolean publish;
  private HypothesisDef hypothesis;
  private final List<TargetDef> targets = new ArrayList<>();
  private WorkflowDef workflow;
  private CompletionMode completion;
  private final List<MetricDef> metrics = new ArrayList<>();
  private final List<ComparisonDef> comparisons = new ArrayList<>();
  private EmptyResult metricsOnEmpty;
  private Integer repetitions;
  private QualityGateDef qualityGate;
  private Duration provisioning;
  private Duration deploying;
  private Duration running;
  private Duration collecting;
  private Duration total;
  private Cleanup onComplete;
  private Cleanup onFailure;
  private Double budget;
  private TutorialDef tutorial;

  ExperimentDef(String name) {
    this.name = name;
  }

  /**
   * The namespace the Experiment object lives in.
   *
   * <p>Default: experiments (the namespace {@code ./lab submit} uses).
   */
  public ExperimentDef namespace(String namespace) {
    this.namespace = namespace;
    return this;
  }

  /**
   * A metadata label; repeat for more.
   *
   * <p>Default: no labels.
   */
  public ExperimentDef label(String key, String value) {
    labels.put(key, value);
    return this;
  }

  /**
   * A metadata annotation; repeat for more.
   *
   * <p>Default: no annotations.
   */
  public ExperimentDef annotation(String key, String value) {
    annotations.put(key, value);
    return this;
  }

  /**
   * Human-readable title, shown in results; at most 200 characters.
   *
   * <p>Default: the name is shown.
   */
  public ExperimentDef title(String title) {
    this.title = title;
    return this;
  }

  /**
   * What the experiment does.
   *
   * <p>Default: no description.
   */
  public ExperimentDef describe(String description) {
    this.description = description;
    return this;
  }

  /**
   * Tags for grouping results, e.g. comparison, observability; repeat or pass several.
   *
   * <p>Default: no tags.
   */
  public ExperimentDef tag(String... tags) {
    this.tags.addAll(List.of(tags));
    return this;
  }

  /**
   * Publish the results to the results site.
   *
   * <p>Default: not published.
   */
  public ExperimentDef publish() {
    return publish(true);
  }

  /**
   * Publish or not, written even when false.
   *
   * <p>Default: false.
   */
  public ExperimentDef publish(boolean publish) {
    this.publish = publish;
    return this;
  }

  /**
   * The claim under test, with questions, focus and success criteria.
   *
   * <p>Default: no hypothesis (results carry no verdict).
   */
  public ExperimentDef hypothesis(HypothesisDef hypothesis) {
    this.hypothesis = hypothesis;
    return this;
  }

  /**
   * A cluster and what runs on it; repeat for more (at least one, at most 16).
   *
   * <p>Default: none; {@code build()} reports an experiment without targets.
   */
  public ExperimentDef target(TargetDef... targets) {
    this.targets.addAll(List.of(targets));
    return this;
  }

  /**
   * Every target of a matrix ({@link Lab#matrix()}): its clusters times its variants, in that
   * order; repeat for more.
   *
   * <p>Default: none.
   */
  public ExperimentDef targets(TargetMatrix matrix) {
    this.targets.addAll(matrix.targets());
    return this;
  }

  /**
   * Targets compared with a baseline target on per-target metrics: {@code
   * compare(baseline("prom").targets("vm"))}; repeat or pass several. Only declared comparisons are
   * made.
   *
   * <p>Default: no comparisons.
   */
  public ExperimentDef compare(ComparisonDef... comparisons) {
    this.comparisons.addAll(List.of(comparisons));
    return this;
  }

  /**
   * The comparisons a matrix makes in one call, {@code
   * compare(TSDBS.compare("vm").against("prom"))}.
   *
   * <p>Default: no comparisons.
   */
  public ExperimentDef compare(List<ComparisonDef> comparisons) {
    this.comparisons.addAll(comparisons);
    return this;
  }

  /**
   * The workflow run once every target is ready; required, together with {@link #completeOn}.
   *
   * <p>Default: none; {@code build()} reports an experiment without a workflow.
   */
  public ExperimentDef workflow(WorkflowDef workflow) {
    this.workflow = workflow;
    return this;
  }

  /**
   * What ends the Running phase: the workflow's end, or (manual) the complete annotation or the
   * running deadline; required.
   *
   * <p>Default: none; {@code build()} reports a workflow without it.
   */
  public ExperimentDef completeOn(CompletionMode mode) {
    this.completion = mode;
    return this;
  }

  /**
   * A metric collected at the end of the run; repeat (or pass several) for more.
   *
   * <p>Default: the operator's CPU and memory queries (cpu_total, memory_total, cpu_by_pod,
   * memory_by_pod).
   */
  public ExperimentDef metric(MetricDef... metrics) {
    this.metrics.addAll(List.of(metrics));
    return this;
  }

  /**
   * What an empty result means for metrics that do not say.
   *
   * <p>Default: insufficient.
   */
  public ExperimentDef metricsOnEmpty(EmptyResult onEmpty) {
    this.metricsOnEmpty = onEmpty;
    return this;
  }

  /**
   * Cut the measurement window into {@code n} equal consecutive windows, one value per window per
   * metric, so that each metric has n values for its statistics, confidence intervals and
   * comparisons; 1 to 20.
   *
   * <p>Default: 1 (the whole window, one value: no confidence interval).
   */
  public ExperimentDef repetitions(int n) {
    this.repetitions = n;
    return this;
  }

  /**
   * The data-coverage check before results are accepted.
   *
   * <p>Default: on when there are metrics, 3 collections, 0.5 coverage, 2 minutes apart.
   */
  public ExperimentDef qualityGate(QualityGateDef gate) {
    this.qualityGate = gate;
    return this;
  }

  /**
   * Longest time from Pending until every cluster is ready.
   *
   * <p>Default: 30 minutes.
   */
  public ExperimentDef provisioningDeadline(Duration deadline) {
    this.provisioning = deadline;
    return this;
  }

  /**
   * Longest time from clusters ready until every component is healthy.
   *
   * <p>Default: 20 minutes.
   */
  public ExperimentDef deployingDeadline(Duration deadline) {
    this.deploying = deadline;
    return this;
  }

  /**
   * Longest time the workflow (or the manual run) may take.
   *
   * <p>Default: 2 hours.
   */
  public ExperimentDef runningDeadline(Duration deadline) {
    this.running = deadline;
    return this;
  }

  /**
   * Longest time for metrics collection and results storage.
   *
   * <p>Default: 15 minutes.
   */
  public ExperimentDef collectingDeadline(Duration deadline) {
    this.collecting = deadline;
    return this;
  }

  /**
   * Longest time from creation to Complete or Failed, whatever the phases took.
   *
   * <p>Default: 6 hours.
   */
  public ExperimentDef totalDeadline(Duration deadline) {
    this.total = deadline;
    return this;
  }

  /**
   * What happens to clusters after Complete: {@link Lab#delete()} or {@link Lab#retain(Duration)}.
   *
   * <p>Default: delete at once.
   */
  public ExperimentDef cleanupOnComplete(Cleanup cleanup) {
    this.onComplete = cleanup;
    return this;
  }

  /**
   * What happens to clusters after Failed: {@link Lab#delete()} or {@link Lab#retain(Duration)} (to
   * look at what went wrong).
   *
   * <p>Default: delete at once.
   */
  public ExperimentDef cleanupOnFailure(Cleanup cleanup) {
    this.onFailure = cleanup;
    return this;
  }

  /**
   * A spending limit in US dollars: the operator refuses to start above it and stops the experiment
   * when the running cost reaches it.
   *
   * <p>Default: no limit.
   */
  public ExperimentDef budget(double maxUsd) {
    this.budget = maxUsd;
    return this;
  }

  /**
   * Make it a hands-on tutorial: once its clusters are ready the operator writes their kubeconfigs
   * for the learner and lists the services to open in {@code status.tutorial}.
   *
   * <p>Default: none.
   */
  public ExperimentDef tutorial(TutorialDef tutorial) {
    this.tutorial = tutorial;
    return this;
  }

  /**
   * The model object, checked by {@link Validator#validate(String, Experiment, ComponentCatalogue)}
   * (the schema and the rules of {@code io.illm.lab.rules}) against the components it deploys
   * (their {@link ComponentDef} values), plus what only the builder knows. Components referenced by
   * name ({@link Lab#app}) are not known here: whether they exist, and what they take, is left to
   * {@link #build(ComponentCatalogue)}, {@code ./lab synth} and {@code ./lab validate}.
   *
   * @throws InvalidInputException listing every problem with its path when there is an error
   */
  public Experiment build() {
    return build(null);
  }

  /**
   * The model object, checked against the deployed component values and the given catalogue (for
   * components referenced by name).
   *
   * @throws InvalidInputException listing every problem with its path when there is an error
   */
  public Experiment build(ComponentCatalogue known) {
    String file = "experiments/" + name;
    Findings findings = new Findings(file);
    Experiment experiment = experiment(findings);
    findings.addAll(
        Validator.validate(
            file,
            experiment,
            DeployedComponents.catalogue(targets, known),
            workflow == null ? KnownTemplates.NONE : workflow.known()));
    if (findings.hasErrors()) {
      throw new InvalidInputException(file, findings.problems());
    }
    return experiment;
  }

  private Experiment experiment(Findings findings) {
    Experiment experiment = new Experiment();
    experiment.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withNamespace(namespace)
            .withLabels(labels.isEmpty() ? null : new TreeMap<>(labels))
            .withAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations))
            .build());
    ExperimentSpec spec = new ExperimentSpec();
    spec.setTitle(title);
    spec.setDescription(description);
    spec.setTags(tags.isEmpty() ? null : new ArrayList<>(tags));
    spec.setPublish(publish);
    spec.setHypothesis(hypothesis == null ? null : hypothesis.hypothesis());
    spec.setTargets(targets(findings));
    spec.setWorkflow(workflow());
    spec.setMetrics(metrics());
    spec.setQualityGate(
        qualityGate == null ? null : qualityGate.gate(findings, "spec.qualityGate"));
    spec.setDeadlines(deadlines(findings));
    if (onComplete != null || onFailure != null) {
      spec.setCleanup(
          new CleanupPolicy(
              onComplete == null ? null : onComplete.rule(findings, "spec.cleanup.onComplete"),
              onFailure == null ? null : onFailure.rule(findings, "spec.cleanup.onFailure")));
    }
    spec.setBudget(budget == null ? null : new Budget(budget));
    spec.setTutorial(tutorial == null ? null : tutorial.tutorial());
    experiment.setSpec(spec);
    return experiment;
  }

  private List<Target> targets(Findings findings) {
    if (targets.isEmpty()) {
      return null;
    }
    List<Target> result = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      result.add(targets.get(i).target(findings, "spec.targets[" + i + "]"));
    }
    return result;
  }

  private WorkflowSpec workflow() {
    if (workflow == null) {
      return null;
    }
    return new WorkflowSpec(
        workflow.template(),
        completion == null ? null : new Completion(completion),
        workflow.params());
  }

  private MetricsSpec metrics() {
    List<MetricQuery> queries = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      queries.add(metrics.get(i).query());
    }
    List<TargetComparison> declared = comparisons.stream().map(ComparisonDef::comparison).toList();
    return queries.isEmpty() && metricsOnEmpty == null && repetitions == null && declared.isEmpty()
        ? null
        : new MetricsSpec(
            queries.isEmpty() ? null : queries,
            metricsOnEmpty,
            repetitions,
            declared.isEmpty() ? null : new ArrayList<>(declared));
  }

  private Deadlines deadlines(Findings findings) {
    if (provisioning == null
        && deploying == null
        && running == null
        && collecting == null
        && total == null) {
      return null;
    }
    return new Deadlines(
        findings.duration("spec.deadlines.provisioning", provisioning),
        findings.duration("spec.deadlines.deploying", deploying),
        findings.duration("spec.deadlines.running", running),
        findings.duration("spec.deadlines.collecting", collecting),
        findings.duration("spec.deadlines.total", total));
  }
}
