package io.illm.lab.operator.children;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.illm.lab.model.Component;
import io.illm.lab.model.ComponentParameter;
import io.illm.lab.model.ComponentSource;
import io.illm.lab.model.HelmParameter;
import io.illm.lab.model.HelmSource;
import io.illm.lab.model.names.ExperimentNames;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.children.argocd.ApplicationSpec;
import io.illm.lab.operator.children.argocd.ApplicationStatus;
import io.illm.lab.operator.children.argocd.applicationspec.Destination;
import io.illm.lab.operator.children.argocd.applicationspec.Sources;
import io.illm.lab.operator.children.argocd.applicationspec.SyncPolicy;
import io.illm.lab.operator.children.argocd.applicationspec.sources.Helm;
import io.illm.lab.operator.children.argocd.applicationspec.sources.helm.Parameters;
import io.illm.lab.operator.children.argocd.applicationspec.syncpolicy.Automated;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.RegisterCluster;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.lifecycle.Observation.AppState;
import io.illm.lab.yaml.LabYaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * ArgoCD as the deployment port: a cluster secret per registered cluster, and one multi-source
 * Application per component and target, deleted with its workloads (the resources finalizer).
 */
public final class ApplicationShapes {

  /** ArgoCD deletes the Application's resources before the Application itself. */
  public static final String RESOURCES_FINALIZER = "resources-finalizer.argocd.argoproj.io";

  /** The label that makes a Secret an ArgoCD cluster. */
  public static final String SECRET_TYPE = "argocd.argoproj.io/secret-type";

  /** The API server of the cluster ArgoCD runs in: hub targets deploy there. */
  public static final String IN_CLUSTER = "https://kubernetes.default.svc";

  static final List<String> SYNC_OPTIONS = List.of("CreateNamespace=true", "ServerSideApply=true");

  private final Placement placement;

  public ApplicationShapes(Placement placement) {
    this.placement = placement;
  }

  /** The Secret that registers a cluster with ArgoCD (stringData name, server, config). */
  public Secret clusterSecret(
      String experiment, RegisterCluster action, ClusterCredentials credentials) {
    Map<String, String> labels = ChildLabels.of(experiment, action.target());
    labels.put(ChildLabels.CLUSTER, action.clusterName());
    labels.put(SECRET_TYPE, "cluster");
    Map<String, String> data = new TreeMap<>();
    data.put("name", action.clusterName());
    data.put("server", "https://" + action.endpoint());
    data.put("config", config(credentials));
    return new SecretBuilder()
        .withMetadata(
            new ObjectMetaBuilder()
                .withName(ExperimentNames.clusterSecretName(action.clusterName()))
                .withNamespace(placement.argocd())
                .withLabels(labels)
                .build())
        .withType("Opaque")
        .withStringData(data)
        .build();
  }

  /** The Application deploying a component on a target's cluster (hub: the in-cluster server). */
  public Application application(String experiment, CreateApplication action, Component component) {
    Map<String, String> labels = ChildLabels.of(experiment, action.target());
    labels.put(ChildLabels.COMPONENT, component.getMetadata().getName());
    Application app = new Application();
    app.setMetadata(
        new ObjectMetaBuilder()
            .withName(action.name())
            .withNamespace(placement.argocd())
            .withLabels(labels)
            .withFinalizers(RESOURCES_FINALIZER)
            .build());
    ApplicationSpec spec = new ApplicationSpec();
    spec.setProject("default");
    spec.setSources(sources(component, action.component().getParams()));
    spec.setDestination(destination(action));
    spec.setSyncPolicy(syncPolicy());
    app.setSpec(spec);
    return app;
  }

  /**
   * What an Application says: healthy only when Synced and Healthy; Degraded or a ComparisonError
   * condition is degraded (with the message); being deleted is deleting; anything else (not yet
   * rendered, OutOfSync, Progressing) is progressing. Null is absent.
   */
  public static AppObservation observe(Application app) {
    if (app == null) {
      return AppObservation.ABSENT;
    }
    if (app.getMetadata() != null && app.getMetadata().getDeletionTimestamp() != null) {
      return new AppObservation(AppState.DELETING, null);
    }
    ApplicationStatus status = app.getStatus();
    String health =
        status == null || status.getHealth() == null ? null : status.getHealth().getStatus();
    String sync = status == null || status.getSync() == null ? null : status.getSync().getStatus();
    String comparisonError =
        status == null || status.getConditions() == null
            ? null
            : status.getConditions().stream()
                .filter(c -> "ComparisonError".equals(c.getType()))
                .map(c -> c.getMessage())
                .findFirst()
                .orElse(null);
    if (comparisonError != null) {
      return new AppObservation(AppState.DEGRADED, comparisonError);
    }
    if ("Degraded".equals(health)) {
      return new AppObservation(AppState.DEGRADED, status.getHealth().getMessage());
    }
    if ("Healthy".equals(health) && "Synced".equals(sync)) {
      return new AppObservation(AppState.HEALTHY, null);
    }
    return new AppObservation(AppState.PROGRESSING, "health " + health + ", sync " + sync);
  }

  private Destination destination(CreateApplication action) {
    Destination destination = new Destination();
    if (ExperimentNames.HUB_CLUSTER.equals(action.clusterName())) {
      destination.setServer(IN_CLUSTER);
    } else {
      // By name: the cluster secret's `name`, so the Application need not know the endpoint.
      destination.setName(action.clusterName());
    }
    destination.setNamespace(action.namespace());
    return destination;
  }

  private static SyncPolicy syncPolicy() {
    Automated automated = new Automated();
    automated.setPrune(true);
    automated.setSelfHeal(true);
    SyncPolicy policy = new SyncPolicy();
    policy.setAutomated(automated);
    policy.setSyncOptions(SYNC_OPTIONS);
    return policy;
  }

  /**
   * The component's sources in order: a chart source by chart, a {@code ref} source (whose files
   * other sources read as {@code $<ref>/...}) by ref alone, else by path. Parameters apply to Helm
   * sources (a helm block or a chart) only.
   */
  static List<Sources> sources(Component component, Map<String, String> params) {
    List<Sources> sources = new ArrayList<>();
    List<ComponentSource> declared =
        component.getSpec().getSources() == null ? List.of() : component.getSpec().getSources();
    for (ComponentSource declaredSource : declared) {
      Sources source = new Sources();
      source.setRepoURL(declaredSource.getRepoURL());
      source.setTargetRevision(
          declaredSource.getTargetRevision() == null ? "HEAD" : declaredSource.getTargetRevision());
      if (declaredSource.getChart() != null) {
        source.setChart(declaredSource.getChart());
      } else if (declaredSource.getRef() != null) {
        source.setRef(declaredSource.getRef());
      } else {
        source.setPath(declaredSource.getPath());
      }
      if (declaredSource.getHelm() != null || declaredSource.getChart() != null) {
        source.setHelm(helm(declaredSource.getHelm(), component.getSpec().getParameters(), params));
      }
      sources.add(source);
    }
    return sources;
  }

  /**
   * Parameters: the source's, then the component's declared defaults, then the reference's; sorted
   * by name.
   */
  static Helm helm(
      HelmSource declared, List<ComponentParameter> defaults, Map<String, String> params) {
    Map<String, Parameters> byName = new TreeMap<>();
    if (declared != null && declared.getParameters() != null) {
      for (HelmParameter p : declared.getParameters()) {
        byName.put(p.getName(), parameter(p.getName(), p.getValue(), p.getForceString()));
      }
    }
    if (defaults != null) {
      for (ComponentParameter p : defaults) {
        if (p.getDefaultValue() != null) {
          byName.putIfAbsent(p.getName(), parameter(p.getName(), p.getDefaultValue(), null));
        }
      }
    }
    if (params != null) {
      params.forEach(
          (name, value) -> {
            Parameters previous = byName.get(name);
            byName.put(
                name, parameter(name, value, previous == null ? null : previous.getForceString()));
          });
    }
    Helm helm = new Helm();
    if (declared != null) {
      helm.setReleaseName(declared.getReleaseName());
      helm.setValueFiles(declared.getValuesFiles());
    }
    helm.setParameters(byName.isEmpty() ? null : new ArrayList<>(byName.values()));
    return helm;
  }

  private static Parameters parameter(String name, String value, Boolean forceString) {
    Parameters parameter = new Parameters();
    parameter.setName(name);
    parameter.setValue(value);
    parameter.setForceString(forceString);
    return parameter;
  }

  /** ArgoCD's cluster config JSON: TLS client credentials, or a bearer token. */
  private static String config(ClusterCredentials credentials) {
    ObjectNode config = LabYaml.json().createObjectNode();
    if (credentials.bearerToken() != null) {
      config.put("bearerToken", credentials.bearerToken());
    }
    ObjectNode tls = config.putObject("tlsClientConfig");
    tls.put("insecure", false);
    putIfSet(tls, "caData", credentials.caData());
    putIfSet(tls, "certData", credentials.certData());
    putIfSet(tls, "keyData", credentials.keyData());
    try {
      return LabYaml.json().writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an ObjectNode always serializes", e);
    }
  }

  private static void putIfSet(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}
