package io.illm.lab.hub.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.illm.lab.hub.controllers.SimControllers;
import io.illm.lab.hub.sim.SimClock;
import io.illm.lab.hub.sim.SimPrometheus;
import io.illm.lab.hub.sim.SimTimings;
import io.illm.lab.model.Component;
import io.illm.lab.operator.adapters.argoworkflows.ArgoWorkflows;
import io.illm.lab.operator.children.Placement;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * The clouds of a real API server, simulated: Crossplane, ArgoCD and Argo Workflows ({@link
 * SimControllers}) acting on the real child objects on a clock that runs in real time (so the
 * operator's system clock and the times they write agree; their timings are shortened instead), a
 * {@link SimPrometheus}, the Component catalogue and placeholder WorkflowTemplates. Everything it
 * writes is marked simulated. {@link #close} stops the controllers and the Prometheus.
 */
public final class SimCloud implements AutoCloseable {

  private final KubernetesClient client;
  private final Placement placement;
  private final SimControllers controllers;
  private final SimPrometheus prometheus;

  private SimCloud(
      KubernetesClient client,
      Placement placement,
      SimControllers controllers,
      SimPrometheus prometheus) {
    this.client = client;
    this.placement = placement;
    this.controllers = controllers;
    this.prometheus = prometheus;
  }

  /**
   * Starts the simulated controllers on {@code client} (they need the rights of Crossplane, ArgoCD
   * and Argo: the admin's) with {@code timings} in real time, and a simulated Prometheus.
   */
  public static SimCloud start(KubernetesClient client, Placement placement, SimTimings timings) {
    SimClock clock = SimClock.compressed(Instant.now(), 1);
    SimControllers controllers = new SimControllers(client, placement, clock, timings);
    controllers.start();
    return new SimCloud(client, placement, controllers, SimPrometheus.start());
  }

  /** {@code timings} {@code factor} times shorter: the local hub's default is 300. */
  public static SimTimings faster(SimTimings timings, double factor) {
    return new SimTimings(
        shorter(timings.clusterReady(), factor),
        shorter(timings.clusterGone(), factor),
        shorter(timings.appHealthy(), factor),
        shorter(timings.appGone(), factor),
        shorter(timings.workflowStart(), factor),
        shorter(timings.workflowRun(), factor),
        shorter(timings.workflowGone(), factor),
        shorter(timings.metrics(), factor),
        shorter(timings.results(), factor));
  }

  private static Duration shorter(Duration duration, double factor) {
    return Duration.ofNanos((long) (duration.toNanos() / factor));
  }

  /** Creates or updates the catalogue's Component objects (cluster-scoped). */
  public void publish(Collection<Component> components) {
    for (Component component : components) {
      Component copy = new Component();
      copy.setMetadata(
          new ObjectMetaBuilder()
              .withName(component.getMetadata().getName())
              .withLabels(component.getMetadata().getLabels())
              .build());
      copy.setSpec(component.getSpec());
      client.resource(copy).createOr(NonDeletingOperation::update);
    }
  }

  /**
   * Creates a placeholder WorkflowTemplate {@code name}, marked simulated (the lab has no templates
   * of its own yet), so that the workflow port finds it and the simulated Argo runs it.
   */
  public void workflowTemplate(String name) {
    GenericKubernetesResource template = new GenericKubernetesResource();
    template.setApiVersion("argoproj.io/v1alpha1");
    template.setKind("WorkflowTemplate");
    template.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(placement.workflows()).build());
    SimControllers.mark(template);
    client
        .genericKubernetesResources(ArgoWorkflows.WORKFLOW_TEMPLATES)
        .resource(template)
        .createOr(NonDeletingOperation::update);
  }

  /** The simulated controllers and their failure switches. */
  public SimControllers controllers() {
    return controllers;
  }

  /** The simulated Prometheus' HTTP API. */
  public URI prometheus() {
    return prometheus.uri();
  }

  @Override
  public void close() {
    try {
      controllers.close();
    } finally {
      prometheus.close();
    }
  }
}
