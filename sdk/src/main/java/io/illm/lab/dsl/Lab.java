package io.illm.lab.dsl;

import io.illm.lab.model.Category;
import io.illm.lab.model.CleanupAction;
import io.illm.lab.model.ComponentType;
import io.illm.lab.model.ParameterType;
import io.illm.lab.model.Provider;
import java.time.Duration;

/**
 * The DSL's entry points; {@code import static io.illm.lab.dsl.Lab.*}.
 *
 * <p>Required values are arguments of these factories; optional ones are chained methods named
 * after the property. Nothing is defaulted in the output: what is not said stays absent, and the
 * operator applies the documented default.
 */
public final class Lab {

  private Lab() {}

  /** An experiment; its name is a DNS label and names everything the operator creates for it. */
  public static ExperimentDef experiment(String name) {
    return new ExperimentDef(name);
  }

  /** A target: a cluster ({@link TargetDef#on}) and what is deployed on it. */
  public static TargetDef target(String name) {
    return new TargetDef(name);
  }

  /** A component value; keep it in a {@code public static final} field and deploy that. */
  public static ComponentDef component(String name, Category category) {
    return new ComponentDef(name, category);
  }

  /** A by-name reference to a Component of type app: the escape hatch for non-Java components. */
  public static Deployment app(String name) {
    return new Deployment(ComponentType.APP, name, null);
  }

  /** A by-name reference to a Component of type workflow. */
  public static Deployment workflowRef(String name) {
    return new Deployment(ComponentType.WORKFLOW, name, null);
  }

  /** A by-name reference to a Component of type config. */
  public static Deployment config(String name) {
    return new Deployment(ComponentType.CONFIG, name, null);
  }

  /** A boolean parameter a component declares. */
  public static Param<Boolean> boolParam(String name) {
    return new Param<>(name, ParameterType.BOOL);
  }

  /** An integer parameter a component declares. */
  public static Param<Integer> intParam(String name) {
    return new Param<>(name, ParameterType.INT);
  }

  /** A string parameter a component declares, its type said explicitly. */
  public static Param<String> stringParam(String name) {
    return new Param<>(name, ParameterType.STRING);
  }

  /** A parameter whose type is left unsaid (the model reads it as string). */
  public static Param<String> param(String name) {
    return new Param<>(name, null);
  }

  /** Manifests from a path in a Git repository. */
  public static SourceDef git(String repoURL, String path) {
    return new SourceDef(repoURL).path(path);
  }

  /** A chart in a Helm repository; {@link SourceDef#revision} is its version. */
  public static SourceDef chart(String repoURL, String chart) {
    return new SourceDef(repoURL).chart(chart);
  }

  /**
   * A repository as a source, e.g. one that other sources' values files refer to by {@code ref}.
   */
  public static SourceDef repo(String repoURL) {
    return new SourceDef(repoURL);
  }

  /** A GKE cluster of the given machine type. */
  public static CloudCluster gke(GkeMachine machine) {
    return gke(machine.value());
  }

  /** A GKE cluster of a machine type given as text. */
  public static CloudCluster gke(String machineType) {
    return new CloudCluster(Provider.GKE, machineType);
  }

  /** A GKE cluster of the default machine type (e2-medium). */
  public static CloudCluster gke() {
    return gke((String) null);
  }

  /** An EKS cluster of the given instance type. */
  public static CloudCluster eks(EksMachine machine) {
    return eks(machine.value());
  }

  /** An EKS cluster of an instance type given as text. */
  public static CloudCluster eks(String machineType) {
    return new CloudCluster(Provider.EKS, machineType);
  }

  /** An EKS cluster of the default instance type (m6i.large). */
  public static CloudCluster eks() {
    return eks((String) null);
  }

  /** An AKS cluster of the given VM size. */
  public static CloudCluster aks(AksMachine machine) {
    return aks(machine.value());
  }

  /** An AKS cluster of a VM size given as text. */
  public static CloudCluster aks(String machineType) {
    return new CloudCluster(Provider.AKS, machineType);
  }

  /** An AKS cluster of the default VM size (Standard_D2s_v5). */
  public static CloudCluster aks() {
    return aks((String) null);
  }

  /** The hub cluster itself: nothing is created or paid for. */
  public static HubCluster hub() {
    return new HubCluster();
  }

  /** The Argo WorkflowTemplate to run, by name. */
  public static WorkflowDef workflow(String template) {
    return new WorkflowDef(template);
  }

  /**
   * The Argo WorkflowTemplate to run, as a typed definition: {@code build()} checks the params
   * given against the parameters it declares, and {@code ./lab synth} writes it next to the
   * experiment (list it in the catalogue's {@code workflowTemplates()}).
   */
  public static WorkflowDef workflow(WorkflowTemplateDef template) {
    return new WorkflowDef(template);
  }

  /** A WorkflowTemplate to author: give it parameters and steps, then {@code build()} it. */
  public static WorkflowTemplateDef workflowTemplate(String name) {
    return new WorkflowTemplateDef(name);
  }

  /** A parameter of a WorkflowTemplate; without a default a Workflow must give it a value. */
  public static WorkflowParam workflowParam(String name) {
    return new WorkflowParam(name, null, null);
  }

  /** A step of a WorkflowTemplate: a name and the script it runs. */
  public static StepDef step(String name, ScriptDef script) {
    return new StepDef(name, script, java.util.Map.of(), null);
  }

  /** A script run by a step: a shell script in an image; add inputs, outputs and env to it. */
  public static ScriptDef script(String image, String source) {
    return ScriptDef.of(image, source);
  }

  /** A metric; give it a query with {@link MetricDef#promql}. */
  public static MetricDef metric(String name) {
    return new MetricDef(name);
  }

  /** A hypothesis: the claim, in one or two sentences. */
  public static HypothesisDef hypothesis(String claim) {
    return new HypothesisDef(claim);
  }

  /** The start of a success criterion on a metric: {@code expect("p95_latency").below(250)}. */
  public static Expectation expect(String metric) {
    return new Expectation(metric);
  }

  /**
   * A comparison: the other targets (or those given with {@link ComparisonDef#targets}) compared
   * with this one, {@code compare(baseline("prom").targets("vm"))}.
   */
  public static ComparisonDef baseline(String target) {
    return new ComparisonDef(target, java.util.List.of(), java.util.List.of());
  }

  /**
   * A matrix of targets: every cluster ({@link TargetMatrix#on}) times every variant ({@link
   * TargetMatrix#variant}) of what is deployed, named {@code <variant>-<cluster>}.
   */
  public static TargetMatrix matrix() {
    return TargetMatrix.EMPTY;
  }

  /** A quality gate; see {@link QualityGateDef}. */
  public static QualityGateDef qualityGate() {
    return new QualityGateDef();
  }

  /**
   * A hands-on tutorial: kubeconfigs for the learner and services to open; see {@link TutorialDef}.
   */
  public static TutorialDef tutorial() {
    return new TutorialDef();
  }

  /** Delete clusters and deployments at once. */
  public static Cleanup delete() {
    return new Cleanup(CleanupAction.DELETE, null);
  }

  /** Keep clusters and deployments for a while (at most 168h), then delete them. */
  public static Cleanup retain(Duration retainFor) {
    return new Cleanup(CleanupAction.RETAIN, retainFor);
  }

  /** Keep clusters and deployments for the operator's default time (1h), then delete them. */
  public static Cleanup retain() {
    return new Cleanup(CleanupAction.RETAIN, null);
  }
}
