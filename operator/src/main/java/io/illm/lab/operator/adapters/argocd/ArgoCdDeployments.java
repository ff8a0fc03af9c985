package io.illm.lab.operator.adapters.argocd;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.illm.lab.model.Component;
import io.illm.lab.operator.adapters.kubernetes.ChildCache;
import io.illm.lab.operator.adapters.kubernetes.KubernetesCalls;
import io.illm.lab.operator.children.ApplicationShapes;
import io.illm.lab.operator.children.ChildLabels;
import io.illm.lab.operator.children.Placement;
import io.illm.lab.operator.children.argocd.Application;
import io.illm.lab.operator.lifecycle.Action.CreateApplication;
import io.illm.lab.operator.lifecycle.Action.DeleteApplication;
import io.illm.lab.operator.lifecycle.Observation.AppObservation;
import io.illm.lab.operator.ports.Deployments;
import io.illm.lab.operator.ports.ExperimentId;
import io.illm.lab.operator.ports.PortException;
import io.illm.lab.rules.ComponentRefs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The deployment port on a Kubernetes API server: ArgoCD Applications in the ArgoCD namespace,
 * shaped by {@link ApplicationShapes} from the Component object (cluster-scoped) that the action
 * refers to.
 */
public final class ArgoCdDeployments implements Deployments {

  private final KubernetesClient client;
  private final Placement placement;
  private final ApplicationShapes shapes;
  private final ChildCache cache;

  /** Reads every observation afresh from the API server. */
  public ArgoCdDeployments(KubernetesClient client, Placement placement) {
    this(client, placement, ChildCache.NONE);
  }

  /** Observes the Applications from {@code cache} when it has them, else afresh. */
  public ArgoCdDeployments(KubernetesClient client, Placement placement, ChildCache cache) {
    this.client = client;
    this.cache = cache;
    this.placement = placement;
    this.shapes = new ApplicationShapes(placement);
  }

  @Override
  public Map<String, AppObservation> observe(ExperimentId experiment) {
    List<Application> found =
        cache
            .children(Application.class, experiment.name())
            .orElseGet(
                () ->
                    KubernetesCalls.call(
                        "listing the Applications of " + experiment,
                        () ->
                            client
                                .resources(Application.class)
                                .inNamespace(placement.argocd())
                                .withLabels(ChildLabels.of(experiment.name()))
                                .list()
                                .getItems()));
    Map<String, AppObservation> out = new TreeMap<>();
    for (Application app : found) {
      out.put(app.getMetadata().getName(), ApplicationShapes.observe(app));
    }
    return out;
  }

  /**
   * Creates the Application unless it exists; a Component the catalogue does not have (yet) is a
   * PortException, so the engine tries again (the observer reports it as missing meanwhile).
   */
  @Override
  public void create(ExperimentId experiment, CreateApplication action) {
    String name = ComponentRefs.name(action.component());
    if (name == null) {
      throw new PortException(
          "Application " + action.name() + ": the component reference names no single component");
    }
    Component component =
        KubernetesCalls.call(
            "reading component " + name,
            () -> client.resources(Component.class).withName(name).get());
    if (component == null) {
      throw new PortException(
          "Application " + action.name() + ": component " + name + " does not exist");
    }
    Application app = shapes.application(experiment.name(), action, component);
    KubernetesCalls.createUnlessExists(
        "creating Application " + action.name(), () -> client.resource(app).create());
  }

  /** Asks for the deletion; ArgoCD's resources finalizer deletes the workloads first. */
  @Override
  public void delete(ExperimentId experiment, DeleteApplication action) {
    KubernetesCalls.run(
        "deleting Application " + action.name(),
        () ->
            client
                .resources(Application.class)
                .inNamespace(placement.argocd())
                .withName(action.name())
                .delete());
  }
}
