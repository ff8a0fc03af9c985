package io.illm.lab.dsl;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.illm.lab.model.Category;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentObservability;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.ComponentSpec;
import io.illm.lab.model.ComponentType;
import io.illm.lab.validate.InvalidInputException;
import io.illm.lab.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A component as a Java value: defined once ({@code public static final ComponentDef HELLO_APP =
 * component("hello-app", Category.APPS)...}) and deployed by experiments ({@code
 * .deploy(HELLO_APP)}), so a misspelt component does not compile. Immutable: every method returns a
 * new value.
 */
public final class ComponentDef implements Deployable {

  private final String name;
  private final Category category;
  private final Map<String, String> labels = new TreeMap<>();
  private final Map<String, String> annotations = new TreeMap<>();
  private String description;
  private ComponentType type;
  private final List<SourceDef> sources = new ArrayList<>();
  private final List<Param<?>> parameters = new ArrayList<>();
  private boolean observability;
  private Boolean serviceMonitor;
  private Boolean podMonitor;
  private final Map<String, String> podLabels = new TreeMap<>();
  private String metricsPath;
  private Integer metricsPort;

  ComponentDef(String name, Category category) {
    this.name = name;
    this.category = category;
  }

  private ComponentDef copy() {
    ComponentDef copy = new ComponentDef(name, category);
    copy.labels.putAll(labels);
    copy.annotations.putAll(annotations);
    copy.description = description;
    copy.type = type;
    copy.sources.addAll(sources);
    copy.parameters.addAll(parameters);
    copy.observability = observability;
    copy.serviceMonitor = serviceMonitor;
    copy.podMonitor = podMonitor;
    copy.podLabels.putAll(podLabels);
    copy.metricsPath = metricsPath;
    copy.metricsPort = metricsPort;
    return copy;
  }

  /** The component's name, as experiments reference it. */
  public String name() {
    return name;
  }

  /** Its category, also its folder. */
  public Category category() {
    return category;
  }

  /**
   * What the component is.
   *
   * <p>Default: no description.
   */
  public ComponentDef describe(String description) {
    ComponentDef copy = copy();
    copy.description = description;
    return copy;
  }

  /**
   * How experiments reference it: app, workflow or config.
   *
   * <p>Default: app.
   */
  public ComponentDef type(ComponentType type) {
    ComponentDef copy = copy();
    copy.type = type;
    return copy;
  }

  /**
   * A metadata label; repeat for more.
   *
   * <p>Default: no labels.
   */
  public ComponentDef label(String key, String value) {
    ComponentDef copy = copy();
    copy.labels.put(key, value);
    return copy;
  }

  /**
   * A metadata annotation; repeat for more.
   *
   * <p>Default: no annotations.
   */
  public ComponentDef annotation(String key, String value) {
    ComponentDef copy = copy();
    copy.annotations.put(key, value);
    return copy;
  }

  /**
   * A source of manifests; repeat for more (e.g. a chart and the Git repository its values file
   * lives in). At least one is required.
   *
   * <p>Default: none; {@code build()} reports a component without sources.
   */
  public ComponentDef source(SourceDef source) {
    ComponentDef copy = copy();
    copy.sources.add(source);
    return copy;
  }

  /**
   * Manifests from a path in a Git repository: {@code source(git(repoURL,
   * path).revision(revision))}.
   *
   * <p>Default: none.
   */
  public ComponentDef git(String repoURL, String path, String revision) {
    return source(Lab.git(repoURL, path).revision(revision));
  }

  /**
   * A Helm chart at a version: {@code source(chart(repoURL, chart).revision(version))}; use {@link
   * #source} with {@link Lab#chart} for Helm options.
   *
   * <p>Default: none.
   */
  public ComponentDef helm(String repoURL, String chart, String version) {
    return source(Lab.chart(repoURL, chart).revision(version));
  }

  /**
   * Parameters it declares; experiments set them with {@link #with(Param, Object)}.
   *
   * <p>Default: none.
   */
  public ComponentDef parameter(Param<?>... params) {
    ComponentDef copy = copy();
    copy.parameters.addAll(List.of(params));
    return copy;
  }

  /**
   * The component ships a ServiceMonitor.
   *
   * <p>Default: false.
   */
  public ComponentDef serviceMonitor() {
    return serviceMonitor(true);
  }

  /**
   * Whether it ships a ServiceMonitor, written even when false.
   *
   * <p>Default: false.
   */
  public ComponentDef serviceMonitor(boolean ships) {
    ComponentDef copy = copy();
    copy.serviceMonitor = ships;
    copy.observability = true;
    return copy;
  }

  /**
   * The component ships a PodMonitor.
   *
   * <p>Default: false.
   */
  public ComponentDef podMonitor() {
    return podMonitor(true);
  }

  /**
   * Whether it ships a PodMonitor, written even when false.
   *
   * <p>Default: false.
   */
  public ComponentDef podMonitor(boolean ships) {
    ComponentDef copy = copy();
    copy.podMonitor = ships;
    copy.observability = true;
    return copy;
  }

  /**
   * A label that selects the component's pods; repeat for more.
   *
   * <p>Default: none.
   */
  public ComponentDef podLabel(String key, String value) {
    ComponentDef copy = copy();
    copy.podLabels.put(key, value);
    copy.observability = true;
    return copy;
  }

  /**
   * HTTP path of the metrics endpoint.
   *
   * <p>Default: /metrics.
   */
  public ComponentDef metricsPath(String path) {
    ComponentDef copy = copy();
    copy.metricsPath = path;
    copy.observability = true;
    return copy;
  }

  /**
   * Port of the metrics endpoint.
   *
   * <p>Default: none said (the ServiceMonitor's port).
   */
  public ComponentDef metricsPort(int port) {
    ComponentDef copy = copy();
    copy.metricsPort = port;
    copy.observability = true;
    return copy;
  }

  /**
   * Observability present even when empty ({@code observability: {}}): only the renderer of
   * imported components needs it.
   *
   * <p>Default: no observability block unless one of its values is set.
   */
  public ComponentDef observability() {
    ComponentDef copy = copy();
    copy.observability = true;
    return copy;
  }

  @Override
  public <T> Deployment with(Param<T> param, T value) {
    return deployment().with(param, value);
  }

  @Override
  public Deployment with(String name, String value) {
    return deployment().with(name, value);
  }

  @Override
  public Deployment deployment() {
    return new Deployment(type, name, this);
  }

  boolean declares(Param<?> param) {
    return parameters.stream().anyMatch(p -> p.sameAs(param));
  }

  /** Where problems with it are reported: {@code components/<category>/<name>}. */
  String file() {
    return "components/" + category + "/" + name;
  }

  /**
   * The model object, checked by {@link Validator#validate(String, Component)}: the schema and the
   * rules of {@code io.illm.lab.rules}.
   *
   * @throws InvalidInputException listing every problem when there is an error
   */
  public Component build() {
    Component component = component();
    Validator.requireValid(file(), Validator.validate(file(), component));
    return component;
  }

  /** A fresh model object, unchecked. */
  Component component() {
    Component component = new Component();
    component.setMetadata(
        new ObjectMetaBuilder()
            .withName(name)
            .withLabels(labels.isEmpty() ? null : new TreeMap<>(labels))
            .withAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations))
            .build());
    List<ComponentSource> modelSources = new ArrayList<>();
    sources.forEach(s -> modelSources.add(s.source()));
    List<ComponentParameter> modelParameters = new ArrayList<>();
    parameters.forEach(p -> modelParameters.add(p.parameter()));
    ComponentObservability modelObservability =
        observability
            ? new ComponentObservability(
                serviceMonitor,
                podMonitor,
                podLabels.isEmpty() ? null : new TreeMap<>(podLabels),
                metricsPath,
                metricsPort)
            : null;
    component.setSpec(
        new ComponentSpec(
            description,
            category,
            type,
            modelSources,
            modelParameters.isEmpty() ? null : modelParameters,
            modelObservability));
    return component;
  }

  @Override
  public String toString() {
    return "component " + name;
  }
}
